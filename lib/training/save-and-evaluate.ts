import type { TrainRunConfig } from "../config/train-config";
import type { Db } from "../db/client";
import type { EpisodeEnvironment } from "../episode/environment";
import { evaluateCheckpoint } from "./evaluate-checkpoint";
import type { TrainerClient } from "../trainer-api/trainer-client";

/** After step `done`: every `checkpointEvery` steps (and at the end) save and register a checkpoint; evaluate it every `eval.every`. */
export async function saveAndEvaluate(
  db: Db,
  trainer: TrainerClient,
  args: { runId: string; config: TrainRunConfig; done: number; env: EpisodeEnvironment; signal?: AbortSignal },
): Promise<void> {
  const { runId, config, done } = args;
  if (done % config.checkpointEvery !== 0 && done !== config.steps) return;
  const saved = await trainer.saveCheckpoint();
  const checkpoint = await db.checkpoint.upsert({
    where: { runId_step: { runId, step: saved.step } },
    create: { runId, step: saved.step, path: saved.path, policyVersion: saved.policy_version },
    update: { path: saved.path, policyVersion: saved.policy_version },
  });
  if (config.eval.every > 0 && (done % config.eval.every === 0 || done === config.steps)) {
    await evaluateCheckpoint(db, { runId, config, checkpointId: checkpoint.id, step: saved.step, env: args.env, signal: args.signal });
  }
}
