import { getPrisma } from "../db/client";
import { claimRun, HEARTBEAT_MS, releaseRun, renewLease } from "./lease";

export type RunHandler = (ctx: { runId: string; signal: AbortSignal; workerId: string }) => Promise<void>;

/**
 * Run a handler while holding the run's lease. The heartbeat renews the lease
 * and aborts the handler when the run is cancelled or the lease is lost, so two
 * workers never work on one run. Unrecoverable errors end on the row as FAILED.
 */
export async function runLeased(runId: string, workerId: string, handler: RunHandler): Promise<"done" | "skipped"> {
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
  try {
    await handler({ runId, signal: controller.signal, workerId });
  } catch (err) {
    if (!controller.signal.aborted) {
      const message = err instanceof Error ? err.stack ?? err.message : String(err);
      console.error(`[worker] run ${runId} failed:`, message);
      await db.run.updateMany({
        where: { id: runId, status: { in: ["QUEUED", "RUNNING", "PAUSED"] } },
        data: { status: "FAILED", error: message.slice(0, 4000), finishedAt: new Date() },
      });
    }
  } finally {
    clearInterval(heartbeat);
    await releaseRun(db, runId, workerId).catch(() => {});
  }
  return "done";
}
