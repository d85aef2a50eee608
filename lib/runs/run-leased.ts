import { getPrisma } from "../db/client";
import { classifyRunError } from "./classify-run-error";
import { claimRun, HEARTBEAT_MS, releaseRun, renewLease } from "./lease";

export type RunHandler = (ctx: { runId: string; signal: AbortSignal; workerId: string }) => Promise<void>;

export interface RunLeasedOptions {
  /**
   * The job's retry budget (pg-boss's retryCount and retryLimit). With retries left, a transient
   * error is rethrown for pg-boss to retry the job with backoff; without (the last attempt, or no
   * job at all: `rlef eval --inline`, a training run's checkpoint evals) it fails the run.
   */
  retry?: { count: number; limit: number };
}

/**
 * Run a handler while holding the run's lease. The heartbeat renews the lease
 * and aborts the handler when the run is cancelled or the lease is lost, so two
 * workers never work on one run. What a failure means is classify-run-error.ts's
 * decision: transient errors are retried, config and data errors end on the row as FAILED.
 */
export async function runLeased(
  runId: string,
  workerId: string,
  handler: RunHandler,
  opts: RunLeasedOptions = {},
): Promise<"done" | "skipped"> {
  const db = getPrisma();
  if (!(await claimRun(db, runId, workerId))) return "skipped";
  const controller = new AbortController();
  const heartbeat = setInterval(async () => {
    try {
      const run = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
      if (run?.status === "CANCELLED") controller.abort(new Error("cancelled"));
      else if (!(await renewLease(db, runId, workerId))) controller.abort(new Error("lease lost"));
    } catch (err) {
      console.error(`[worker] heartbeat for run ${runId} failed:`, err);
    }
  }, HEARTBEAT_MS);
  let rethrow: unknown = null;
  try {
    await handler({ runId, signal: controller.signal, workerId });
  } catch (err) {
    if (!controller.signal.aborted) {
      const failure = classifyRunError(err);
      const retriesLeft = opts.retry ? opts.retry.limit - opts.retry.count : 0;
      if (failure.kind === "transient" && retriesLeft > 0) {
        // the run stays RUNNING with its episodes; the lease is released below and pg-boss retries the job
        console.error(`[worker] run ${runId}: ${failure.reason}; retrying (${retriesLeft} retries left)`);
        rethrow = err;
      } else {
        const reason =
          failure.kind === "transient" && opts.retry
            ? `${failure.reason} (gave up after ${opts.retry.count + 1} attempts)`
            : failure.reason;
        console.error(`[worker] run ${runId} failed:`, reason);
        await db.run.updateMany({
          where: { id: runId, status: { in: ["QUEUED", "RUNNING", "PAUSED"] } },
          data: { status: "FAILED", error: reason.slice(0, 4000), finishedAt: new Date() },
        });
      }
    }
  } finally {
    clearInterval(heartbeat);
    await releaseRun(db, runId, workerId).catch(() => {});
  }
  if (rethrow) throw rethrow;
  return "done";
}
