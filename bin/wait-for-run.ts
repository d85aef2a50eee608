import type { Db } from "../lib/db/client";
import { readRunProgress } from "../lib/runs/read-run-state";

const FINAL = new Set(["COMPLETED", "FAILED", "CANCELLED"]);

/** Poll a run's row until it ends, reporting progress (a worker elsewhere does the work). */
export async function waitForRun(
  db: Db,
  runId: string,
  onProgress: (p: { done: number; total: number; errored: number }) => void,
): Promise<void> {
  for (;;) {
    const run = await readRunProgress(db, runId);
    onProgress({ done: run.progressDone, total: run.progressTotal, errored: run.progressErrored });
    if (FINAL.has(run.status)) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
