import type { Db } from "../lib/db/client";
import { enqueue } from "../lib/jobs/boss";
import { queueForRunKind } from "../lib/jobs/queues";
import { readRunRow } from "../lib/runs/read-run-state";
import { runLeased } from "../lib/runs/run-leased";
import { createProgressBar } from "./progress";
import { waitForRun } from "./wait-for-run";

type Progress = (p: { done: number; total: number; errored: number }) => void;

/** The flags `rlef eval` and `rlef train` share for how a run is driven. */
export interface DriveFlags {
  inline?: boolean;
  wait: boolean;
  json?: boolean;
}

/**
 * Run a freshly written Run row to its end: in this process (`inline`, holding
 * the run's lease like a worker, with `execute`) or through the queue, following its progress.
 * Returns the run's final row, or null when asked not to wait.
 */
export async function driveRun(
  db: Db,
  run: { id: string; kind: "EVAL" | "TRAIN" },
  opts: DriveFlags,
  execute: (signal: AbortSignal, onProgress: Progress) => Promise<void>,
) {
  // --json output is for a pipe: the progress bar stays off unless stderr is a terminal
  const bar = createProgressBar(run.kind === "EVAL" ? "eval" : "train", { quiet: opts.json && !process.stderr.isTTY });
  const onProgress: Progress = (p) => bar.update(p.done, p.total, p.errored);
  if (opts.inline) {
    await runLeased(run.id, `cli:${process.pid}`, ({ signal }) => execute(signal, onProgress));
  } else {
    await enqueue(queueForRunKind(run.kind), { runId: run.id });
    if (!opts.wait) return null;
    await waitForRun(db, run.id, onProgress);
  }
  bar.stop();
  return readRunRow(db, run.id);
}
