import type { Db } from "../db/client";
import type { TrainerClient } from "../trainer-api/trainer-client";

/** Mark the run PAUSED with the reason, poll the trainer until it answers, then mark it RUNNING again. */
export async function waitForTrainer(
  db: Db,
  runId: string,
  trainer: TrainerClient,
  reason: string,
  opts: { signal?: AbortSignal; pollMs?: number },
): Promise<void> {
  await db.run.updateMany({
    where: { id: runId, status: { in: ["RUNNING", "PAUSED"] } },
    data: { status: "PAUSED", statusReason: `waiting for the trainer: ${reason}`.slice(0, 1000) },
  });
  for (;;) {
    opts.signal?.throwIfAborted();
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 5000));
    try {
      await trainer.status();
      break;
    } catch {
      // still down
    }
  }
  await db.run.updateMany({ where: { id: runId, status: "PAUSED" }, data: { status: "RUNNING", statusReason: null } });
}
