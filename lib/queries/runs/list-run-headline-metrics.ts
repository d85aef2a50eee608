import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";

export interface RunHeadlineMetrics {
  runId: string;
  /** 1@3 from the stored summary (completed runs), with both interval kinds (lib/metrics/confidence-intervals.ts). */
  oneAtThree: number | null;
  rolloutLower: number | null;
  rolloutUpper: number | null;
  problemLower: number | null;
  problemUpper: number | null;
  passAt1: number | null;
  /** solve rate after turn 1, 2, 3… from the summary */
  solveRateByTurn: (number | null)[];
  /**
   * While a run has no summary yet: 1@3 so far, the mean over problems of
   * solved / scored rollouts, read from the per-(run, problem) pre-aggregates.
   */
  liveOneAtThree: number | null;
  liveProblems: number;
}

/** A row as SQL returns it: the same columns, but the turn rates still JSON and the count possibly a bigint. */
interface Raw extends Omit<RunHeadlineMetrics, "solveRateByTurn" | "liveProblems"> {
  solveRateByTurn: { turn: number; rate: number | null }[] | null;
  liveProblems: bigint | number | null;
}

/**
 * Headline numbers for the visible runs only (the list's "metrics" query,
 * joined to the rows by id). Picks a few fields out of the summary JSON in SQL
 * instead of shipping the whole summary to the list.
 */
export async function listRunHeadlineMetrics(db: Db, runIds: string[]): Promise<Map<string, RunHeadlineMetrics>> {
  if (runIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Raw[]>(Prisma.sql`
    SELECT r.id AS "runId",
      (r.summary->'oneAtThree'->>'value')::float8 AS "oneAtThree",
      (r.summary->'oneAtThree'->'intervals'->'rollout'->>'lower')::float8 AS "rolloutLower",
      (r.summary->'oneAtThree'->'intervals'->'rollout'->>'upper')::float8 AS "rolloutUpper",
      (r.summary->'oneAtThree'->'intervals'->'problem'->>'lower')::float8 AS "problemLower",
      (r.summary->'oneAtThree'->'intervals'->'problem'->>'upper')::float8 AS "problemUpper",
      (r.summary->'passAt1'->>'value')::float8 AS "passAt1",
      r.summary->'solveRateByTurn' AS "solveRateByTurn",
      live.mean AS "liveOneAtThree",
      live.problems AS "liveProblems"
    FROM "Run" r
    LEFT JOIN LATERAL (
      SELECT avg(s.solved::float8 / (s.episodes - s.errored)) AS mean, count(*) AS problems
      FROM "ProblemRunStat" s
      WHERE s."runId" = r.id AND s.episodes > s.errored AND r.summary IS NULL
    ) live ON true
    WHERE r.id IN (${Prisma.join(runIds)})`);
  return new Map(
    rows.map((row) => [
      row.runId,
      { ...row, solveRateByTurn: (row.solveRateByTurn ?? []).map((t) => t.rate), liveProblems: Number(row.liveProblems ?? 0) },
    ]),
  );
}
