import { ConfigValidationError } from "../config/config-error";
import { trainRunConfigSchema, type TrainRunConfig } from "../config/train-config";
import type { Db } from "../db/client";
import { droppedProblemsNotice, findProblemsMissingTests, selectRunProblems } from "../runs/select-run-problems";
import { loadSftSources, sftStepCount } from "./sft-examples";
import { cgroupNotice } from "../sandbox/cgroups";

/** Validate a training-run config and write its Run row (QUEUED); the caller enqueues. Writes nothing on bad input. */
export async function createTrainRun(
  db: Db,
  input: unknown,
  opts: { launchedById?: string } = {},
): Promise<{ id: string; config: TrainRunConfig; notices: string[] }> {
  const parsed = trainRunConfigSchema.safeParse(input);
  if (!parsed.success) throw ConfigValidationError.fromZod(parsed.error);
  // what the trainer resolves is recorded by the worker at registration, never taken from the launcher
  const { trainerConfig: _echo, trainerConfigSha256: _sha, ...config } = parsed.data;
  const dataset = await db.dataset.findUnique({ where: { name: config.dataset }, select: { id: true } });
  if (!dataset) throw new ConfigValidationError({ dataset: [`no dataset named "${config.dataset}"`] });
  const splits = [config.split, ...(config.eval.every > 0 ? [config.eval.split] : [])];
  const counts = await db.problem.groupBy({
    by: ["split"],
    where: { datasetId: dataset.id, split: { in: splits } },
    _count: { _all: true },
  });
  const has = new Set(counts.filter((c) => c._count._all > 0).map((c) => c.split));
  const errors: Record<string, string[]> = {};
  if (!has.has(config.split)) errors.split = [`dataset "${config.dataset}" has no problems in split "${config.split}"`];
  if (config.eval.every > 0 && !has.has(config.eval.split))
    errors["eval.split"] = [`dataset "${config.dataset}" has no problems in split "${config.eval.split}"`];
  // a sandbox that cannot count shared memory says so in the run (issue 12.1)
  const notices: string[] = [cgroupNotice()].filter((n): n is string => n !== null);
  if (!errors.split) {
    // the paper drops train problems without public or private tests (§3.1); say how many, never silently
    const scope = { datasetId: dataset.id, split: config.split, requireTests: { for: "training" as const } };
    const [usable, dropped] = await Promise.all([selectRunProblems(db, { ...scope, limit: 1 }), findProblemsMissingTests(db, scope)]);
    if (usable.length === 0) errors.split = [`no problem of "${config.dataset}/${config.split}" has both public and private tests`];
    const notice = droppedProblemsNotice(dropped, scope.requireTests);
    if (notice) notices.push(notice);
  }
  if (Object.keys(errors).length) throw new ConfigValidationError(errors);
  let examples = 0;
  if (config.algo === "sft") {
    // SFT runs over its data `epochs` times: the step count follows from the number of solved trajectories
    let sources;
    try {
      sources = await loadSftSources(db, config.sft.sourceRuns, dataset.id);
    } catch (err) {
      throw new ConfigValidationError({ "sft.sourceRuns": [(err as Error).message.replace(/^sft\.sourceRuns: /, "")] });
    }
    if (sources.length === 0)
      throw new ConfigValidationError({ "sft.sourceRuns": ["the source runs have no solved episode to learn from"] });
    config.steps = sftStepCount(sources.length, config.episodesPerStep, config.sft.epochs);
    examples = sources.length * config.sft.epochs;
  }
  const run = await db.run.create({
    data: {
      kind: "TRAIN",
      name: config.name ?? `${config.algo === "sft" ? "SFT" : "RLEF"} ${config.trainer.baseModel} on ${config.dataset}/${config.split}`,
      config: config as object,
      datasetId: dataset.id,
      split: config.split,
      policyLabel: `trainer:${config.trainer.baseModel}`,
      progressTotal: config.algo === "sft" ? examples : config.steps * config.episodesPerStep,
      notices,
      launchedById: opts.launchedById,
    },
    select: { id: true },
  });
  return { id: run.id, config, notices };
}
