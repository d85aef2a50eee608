import { getPrisma } from "../lib/db/client";
import { enqueue } from "../lib/jobs/boss";
import { queueForRunKind } from "../lib/jobs/queues";
import { LEASE_MS, takeOrphanedRuns } from "../lib/runs/lease";

/** Re-enqueue runs whose worker died (its lease ran out) so any live worker resumes them. */
export function startReaper(intervalMs = Math.min(10_000, LEASE_MS / 3)): () => void {
  const tick = async () => {
    try {
      for (const run of await takeOrphanedRuns(getPrisma())) {
        console.log(`[worker] resuming orphaned run ${run.id}`);
        await enqueue(queueForRunKind(run.kind), { runId: run.id });
      }
    } catch (err) {
      console.error("[worker] reaper:", err);
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
}
