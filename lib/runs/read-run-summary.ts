import type { Db } from "../db/client";
import { runSummarySchema, type RunSummary } from "../metrics/run-summary-schema";
import { computeRunSummary } from "./compute-run-summary";

/**
 * A finished eval run's summary in the current schema. A summary stored by an older version (without
 * both bootstrap kinds, the exclusions by reason or the sampling of n@k) is recomputed from the stored
 * episodes once and stored again, so no page shows a number the current method would not give.
 */
export async function readRunSummary(
  db: Db,
  run: { id: string; kind: string; status: string; summary: unknown },
): Promise<RunSummary | null> {
  if (run.summary == null) return null;
  const parsed = runSummarySchema.safeParse(run.summary);
  if (parsed.success) return parsed.data;
  if (run.kind !== "EVAL" || run.status !== "COMPLETED") return null;
  const summary = await computeRunSummary(db, run.id);
  await db.run.update({ where: { id: run.id }, data: { summary: summary as object } });
  return summary;
}
