import type { Db } from "../../db/client";
import { readRunSummary } from "../../runs/read-run-summary";
import { countEpisodesByLabel, problemIdsWithLabel } from "../annotations/annotation-label-counts";
import { countFlips } from "./compare-flips";
import { compareMetrics } from "./compare-metrics";
import { loadProblemPairRows } from "./compare-problem-rows";
import { buildCompareTable, scatterPoints, type CompareTableParams } from "./compare-table";

const RUN_SELECT = {
  id: true,
  name: true,
  kind: true,
  status: true,
  policyLabel: true,
  datasetId: true,
  split: true,
  summary: true,
  progressDone: true,
  progressTotal: true,
  createdAt: true,
  parentRunId: true,
  dataset: { select: { name: true } },
  checkpoint: { select: { step: true } },
} as const;

/**
 * Everything the compare page shows for runs A and B: headline metrics with bootstrap intervals and
 * the paired difference, flip counts, one page of the problem table, the scatter points and label
 * counts. Reads ProblemRunStat (one row per problem and run), never the episodes.
 */
export async function loadRunComparison(db: Db, runA: string, runB: string, params: CompareTableParams) {
  // Everything in parallel: the per-problem rows are read before we know the runs share a dataset,
  // because that is nearly always so and waiting would add a round trip to every page view.
  const [a, b, rows, labelCounts, withLabel] = await Promise.all([
    db.run.findUnique({ where: { id: runA }, select: RUN_SELECT }),
    db.run.findUnique({ where: { id: runB }, select: RUN_SELECT }),
    loadProblemPairRows(db, runA, runB),
    countEpisodesByLabel(db, [runA, runB]),
    params.label ? problemIdsWithLabel(db, [runA, runB], params.label) : Promise.resolve(undefined),
  ]);
  if (!a || !b) return { kind: "missing" as const, missing: !a ? runA : runB };
  // an older stored summary is recomputed in the current schema (both interval kinds)
  const [summaryA, summaryB] = await Promise.all([readRunSummary(db, a), readRunSummary(db, b)]);
  const runs = {
    a: { ...a, summary: summaryA, createdAt: a.createdAt.toISOString() },
    b: { ...b, summary: summaryB, createdAt: b.createdAt.toISOString() },
  };
  if (a.datasetId !== b.datasetId) return { kind: "different-datasets" as const, runs };
  return {
    kind: "ok" as const,
    runs,
    metrics: compareMetrics(rows),
    flips: countFlips(rows),
    problems: rows.length,
    table: buildCompareTable(rows, params, withLabel),
    scatter: scatterPoints(rows),
    labelCounts,
  };
}
