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
  const splits = [config.split, ...(config.eval.every > 0 ? [config.eval.split] : [])];
  const counts = await db.problem.groupBy({ by: ["split"], where: { datasetId: dataset.id, split: { in: splits } }, _count: { _all: true } });
  const has = new Set(counts.filter((c) => c._count._all > 0).map((c) => c.split));
  const errors: Record<string, string[]> = {};
  if (!has.has(config.split)) errors.split = [`dataset "${config.dataset}" has no problems in split "${config.split}"`];
  if (config.eval.every > 0 && !has.has(config.eval.split)) errors["eval.split"] = [`dataset "${config.dataset}" has no problems in split "${config.eval.split}"`];
  if (Object.keys(errors).length) throw new ConfigValidationError(errors);
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
