import { ConfigValidationError } from "../config/config-error";
import { trainRunConfigSchema, type TrainRunConfig } from "../config/train-config";
import type { Db } from "../db/client";

/** Validate a training-run config and write its Run row (QUEUED); the caller enqueues. Writes nothing on bad input. */
export async function createTrainRun(db: Db, input: unknown, opts: { launchedById?: string } = {}): Promise<{ id: string; config: TrainRunConfig }> {
  const parsed = trainRunConfigSchema.safeParse(input);
  if (!parsed.success) throw ConfigValidationError.fromZod(parsed.error);
  const config = parsed.data;
  const dataset = await db.dataset.findUnique({ where: { name: config.dataset }, select: { id: true } });
  if (!dataset) throw new ConfigValidationError({ dataset: [`no dataset named "${config.dataset}"`] });
  for (const [field, split] of [["split", config.split], ["eval.split", config.eval.split]] as const) {
    if (field === "eval.split" && config.eval.every === 0) continue;
    const n = await db.problem.count({ where: { datasetId: dataset.id, split } });
    if (n === 0) throw new ConfigValidationError({ [field]: [`dataset "${config.dataset}" has no problems in split "${split}"`] });
  }
  const run = await db.run.create({
    data: {
      kind: "TRAIN",
      name: config.name ?? `RLEF ${config.trainer.baseModel} on ${config.dataset}/${config.split}`,
      config: config as object,
      datasetId: dataset.id,
      split: config.split,
      policyLabel: `trainer:${config.trainer.baseModel}`,
      progressTotal: config.steps * config.episodesPerStep,
      launchedById: opts.launchedById,
    },
    select: { id: true },
  });
  return { id: run.id, config };
}
