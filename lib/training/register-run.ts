import type { TrainRunConfig } from "../config/train-config";
import type { Db } from "../db/client";
import { TrainerRefusedError, type TrainerClient } from "../trainer-api/trainer-client";
import { trainerRunSpec } from "./trainer-run-spec";

/**
 * Register the run with the trainer (POST /rl/runs) and record the config the trainer echoes, every
 * setting resolved, on the run (`config.trainerConfig`, shown on the run page). A later registration
 * (after a trainer restart) must echo the same config: a run is never trained with two settings.
 * Returns the fingerprint its episodes carry, so a trainer configured otherwise refuses them.
 */
export async function registerTrainRun(db: Db, trainer: TrainerClient, runId: string, config: TrainRunConfig): Promise<string> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { createdAt: true, config: true } });
  const reply = await trainer.registerRun(trainerRunSpec(runId, config, run.createdAt));
  const stored = run.config as Record<string, unknown>;
  if (stored.trainerConfigSha256 && stored.trainerConfigSha256 !== reply.config_sha256) {
    throw new TrainerRefusedError(
      `the trainer at ${trainer.root} would now train run ${runId} with other settings than it started with ` +
        `(${JSON.stringify(reply.config)} vs ${JSON.stringify(stored.trainerConfig)})`,
      "config",
    );
  }
  if (!stored.trainerConfigSha256) {
    await db.run.update({
      where: { id: runId },
      data: { config: { ...stored, trainerConfig: reply.config, trainerConfigSha256: reply.config_sha256 } as object },
    });
  }
  return reply.config_sha256;
}
