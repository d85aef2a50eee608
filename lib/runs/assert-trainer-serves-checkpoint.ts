import type { Db } from "../db/client";
import { createTrainerClient } from "../trainer-api/trainer-client";

/**
 * A checkpoint eval through a trainer is only honest when the trainer serves that checkpoint's weights
 * right now (a training run evaluates each checkpoint as it saves it). Anything else fails with what to do,
 * instead of silently evaluating whatever policy the trainer has moved on to.
 */
export async function assertTrainerServesCheckpoint(db: Db, checkpointId: string, baseUrl: string): Promise<void> {
  const checkpoint = await db.checkpoint.findUniqueOrThrow({ where: { id: checkpointId }, select: { step: true, path: true } });
  const status = await createTrainerClient(baseUrl, { timeoutMs: 30_000 }).status();
  if (status.step !== checkpoint.step) {
    throw new Error(
      `the trainer at ${baseUrl} serves step ${status.step}, not checkpoint step ${checkpoint.step}. ` +
        `To evaluate that checkpoint, start a trainer with --init-checkpoint ${checkpoint.path} (or serve it with vLLM) ` +
        `and evaluate it as an endpoint.`,
    );
  }
}
