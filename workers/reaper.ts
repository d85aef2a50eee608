import { getPrisma } from "../lib/db/client";
import { enqueue } from "../lib/jobs/boss";
import { queueForRunKind } from "../lib/jobs/queues";
import { LEASE_MS, takeOrphanedRuns } from "../lib/runs/lease";
import { isConnectionLoss } from "./survive-connection-loss";

/** Re-enqueue runs whose worker died (its lease ran out) so any live worker resumes them. */
export function startReaper(intervalMs = Math.min(10_000, LEASE_MS / 3)): () => void {
  const tick = async () => {
    try {
      for (const run of await takeOrphanedRuns(getPrisma())) {
        console.log(`[worker] resuming orphaned run ${run.id}`);
        await enqueue(queueForRunKind(run.kind), { runId: run.id });
      }
    } catch (err) {
      // while Postgres restarts this fails every tick: one line each, not a stack trace
      if (isConnectionLoss(err))
        console.error(`[worker] reaper: database unreachable (${(err as Error).message.split("\n").filter(Boolean).pop()})`);
      else console.error("[worker] reaper:", err);
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
}
