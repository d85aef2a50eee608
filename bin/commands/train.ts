import { Command } from "commander";
import { ConfigValidationError } from "../../lib/config/config-error";
import { trainConfigDefaults } from "../../lib/config/config-defaults";
import { getPrisma } from "../../lib/db/client";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { stopBoss } from "../../lib/jobs/boss";
import { createTrainRun } from "../../lib/training/create-train-run";
import { executeTrainRun } from "../../lib/training/execute-train-run";
import { driveRun } from "../drive-run";

interface TrainOptions {
  trainerUrl: string; baseModel: string; dataset: string; split: string; steps: number; episodesPerStep: number;
  rolloutsPerProblem: number; turns: number; temperature: number; maxTokens: number; checkpointEvery: number;
  evalEvery: number; evalSplit: string; evalLimit?: number; concurrency: number; seed: number; name?: string;
  inline?: boolean; wait: boolean; json?: boolean;
}

const int = (v: string) => Number.parseInt(v, 10);

export function trainCommand(): Command {
  // the flags' defaults are the schema's, so `--help` shows exactly what an absent flag means
  const d = trainConfigDefaults();
  const num = (path: string) => Number(d[path]);
  return new Command("train")
    .description("RLEF training through a running trainer (python3 -m rlef_trainer.server): episodes, PPO steps, checkpoints, evals")
    .requiredOption("--trainer-url <url>", "the trainer's base URL, e.g. http://gpu-box:8765")
    .option("--base-model <name>", "what the trainer serves, for the record", String(d["trainer.baseModel"]))
    .requiredOption("--dataset <name>", "dataset to train on")
    .option("--split <split>", "training split", String(d.split))
    .option("--steps <n>", "PPO steps", int, num("steps"))
    .option("--episodes-per-step <n>", "rollouts per PPO step (paper: 1024)", int, num("episodesPerStep"))
    .option("--rollouts-per-problem <n>", "rollouts of one problem within a step", int, num("rolloutsPerProblem"))
    .option("--turns <n>", "turn limit", int, num("environment.turnLimit"))
    .option("--temperature <t>", "training sampling temperature (no top-p, as the paper)", Number, num("sampling.temperature"))
    .option("--max-tokens <n>", "max tokens per reply", int, num("sampling.maxTokens"))
    .option("--checkpoint-every <n>", "save a checkpoint every N steps", int, num("checkpointEvery"))
    .option("--eval-every <n>", "evaluate every N steps (0: never)", int, num("eval.every"))
    .option("--eval-split <split>", "split for the evals", String(d["eval.split"]))
    .option("--eval-limit <k>", "first K problems of the eval split", int)
    .option("--concurrency <n>", "episodes in flight", int, num("concurrency"))
    .option("--seed <n>", "problem sampling seed", int, num("seed"))
    .option("--name <name>", "run name")
    .option("--inline", "run in this process instead of enqueuing for a worker")
    .option("--no-wait", "enqueue and return the run id at once")
    .option("--json", "print the run's final state as JSON")
    .action(async (o: TrainOptions) => {
      const dbHandle = await ensureDatabase();
      const db = getPrisma();
      try {
        const run = await createTrainRun(db, {
          name: o.name, trainer: { baseUrl: o.trainerUrl, baseModel: o.baseModel }, dataset: o.dataset, split: o.split,
          steps: o.steps, episodesPerStep: o.episodesPerStep, rolloutsPerProblem: o.rolloutsPerProblem,
          environment: { turnLimit: o.turns },
          sampling: { temperature: o.temperature, maxTokens: o.maxTokens },
          checkpointEvery: o.checkpointEvery, concurrency: o.concurrency, seed: o.seed,
          eval: { every: o.evalEvery, split: o.evalSplit, limit: o.evalLimit },
        });
        if (!o.json) console.error(`training run ${run.id}: ${o.steps} steps × ${o.episodesPerStep} episodes`);
        const done = await driveRun(db, { id: run.id, kind: "TRAIN" }, {
          inline: o.inline, wait: o.wait, quiet: o.json && !process.stderr.isTTY,
          execute: (signal, onProgress) => executeTrainRun(db, run.id, { signal, onProgress }),
        });
        if (!done) { console.log(run.id); return; }
        const checkpoints = await db.checkpoint.findMany({ where: { runId: run.id }, orderBy: { step: "asc" }, select: { step: true, path: true } });
        const result = { runId: run.id, status: done.status, steps: done.trainStep, error: done.error, checkpoints };
        console.log(o.json ? JSON.stringify(result, null, 2) : `run ${run.id} ${done.status} after ${done.trainStep} steps; ${checkpoints.length} checkpoints`);
        if (done.status !== "COMPLETED") process.exitCode = 1;
      } catch (err) {
        if (!(err instanceof ConfigValidationError)) throw err;
        console.error(err.message);
        process.exitCode = 2;
      } finally {
        await stopBoss();
        await db.$disconnect();
        await dbHandle.stop();
      }
    });
}
