import type { Db } from "../../db/client";

/** One problem of a comparison: its ProblemRunStat counts in run A and run B (null when absent). */
export interface ProblemPairRow {
  problemId: string;
  name: string;
  externalId: string;
  difficulty: string | null;
  a: ProblemCounts | null;
  b: ProblemCounts | null;
}

export interface ProblemCounts {
  episodes: number;
  solved: number;
  passedPublic: number;
  errored: number;
}

interface RawRow {
  problemId: string;
  name: string;
  externalId: string;
  difficulty: string | null;
  aEpisodes: number | null;
  aSolved: number | null;
  aPassed: number | null;
  aErrored: number | null;
  bEpisodes: number | null;
  bSolved: number | null;
  bPassed: number | null;
  bErrored: number | null;
}

function counts(episodes: number | null, solved: number | null, passedPublic: number | null, errored: number | null): ProblemCounts | null {
  return episodes === null ? null : { episodes, solved: solved ?? 0, passedPublic: passedPublic ?? 0, errored: errored ?? 0 };
}

/**
 * Both runs' pre-aggregated per-problem counts in one pass: one row per problem of either run
 * (full outer join on the ProblemRunStat primary key), never the episodes themselves. Narrow columns
 * only: the problem statement stays in the database.
 */
export async function loadProblemPairRows(db: Db, runA: string, runB: string): Promise<ProblemPairRow[]> {
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT p.id AS "problemId", p.name, p."externalId", p.difficulty,
           a.episodes AS "aEpisodes", a.solved AS "aSolved", a."passedPublic" AS "aPassed", a.errored AS "aErrored",
           b.episodes AS "bEpisodes", b.solved AS "bSolved", b."passedPublic" AS "bPassed", b.errored AS "bErrored"
    FROM (SELECT * FROM "ProblemRunStat" WHERE "runId" = ${runA}) a
    FULL OUTER JOIN (SELECT * FROM "ProblemRunStat" WHERE "runId" = ${runB}) b ON a."problemId" = b."problemId"
    JOIN "Problem" p ON p.id = COALESCE(a."problemId", b."problemId")
    ORDER BY p.name, p.id`;
  return rows.map((r) => ({
    problemId: r.problemId,
    name: r.name,
    externalId: r.externalId,
    difficulty: r.difficulty,
    a: counts(r.aEpisodes, r.aSolved, r.aPassed, r.aErrored),
    b: counts(r.bEpisodes, r.bSolved, r.bPassed, r.bErrored),
  }));
}
