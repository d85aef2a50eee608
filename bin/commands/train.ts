import { Command, Option } from "commander";
import { ConfigValidationError } from "../../lib/config/config-error";
import { trainConfigDefaults } from "../../lib/config/form-input";
import { FEEDBACK_MODES, FINETUNE_MODES, SFT_LOSS_ON, TRAIN_ALGOS, type FeedbackMode } from "../../lib/config/options";
import { getPrisma } from "../../lib/db/client";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { stopBoss } from "../../lib/jobs/boss";
import { listRunCheckpoints } from "../../lib/queries/runs/list-run-checkpoints";
import { createTrainRun } from "../../lib/training/create-train-run";
import { executeTrainRun } from "../../lib/training/execute-train-run";
import { driveRun } from "../drive-run";

interface TrainOptions {
  trainerUrl: string;
  baseModel: string;
  dataset: string;
  split: string;
  steps: number;
  episodesPerStep: number;
  rolloutsPerProblem: number;
  turns: number;
  temperature: number;
  maxTokens: number;
  checkpointEvery: number;
  evalEvery: number;
  evalSplit: string;
  evalLimit?: number;
  concurrency: number;
  seed: number;
  name?: string;
  inline?: boolean;
  wait: boolean;
  json?: boolean;
  feedback: FeedbackMode;
  algo: "ppo" | "sft";
  finetune?: "full" | "lora";
  lr?: number;
  criticLr?: number;
  klBeta: number;
  clipEps?: number;
  valueClip?: number;
  minibatches?: number;
  warmupSteps?: number;
  weightDecay?: number;
  gradClip?: number;
  sftSourceRun?: string[];
  sftLossOn: "final" | "all";
  sftEpochs: number;
}

const int = (v: string) => Number.parseInt(v, 10);

export function trainCommand(): Command {
  // the flags' defaults are the schema's, so `--help` shows exactly what an absent flag means
  const d = trainConfigDefaults();
  const num = (path: string) => Number(d[path]);
  return (
    new Command("train")
      .description(
        "RLEF (or the SFT baseline) through a running trainer (python3 -m rlef_trainer.server): episodes, steps, checkpoints, evals",
      )
      .requiredOption("--trainer-url <url>", "the trainer's base URL, e.g. http://gpu-box:8765")
      .option("--base-model <name>", "what the trainer serves, for the record", String(d["trainer.baseModel"]))
      .requiredOption("--dataset <name>", "dataset to train on")
      .option("--split <split>", "training split", String(d.split))
      .option("--steps <n>", "PPO steps", int, num("steps"))
      .option("--episodes-per-step <n>", "rollouts per PPO step (paper: 1024)", int, num("episodesPerStep"))
      .option("--rollouts-per-problem <n>", "rollouts of one problem within a step", int, num("rolloutsPerProblem"))
      .option("--turns <n>", "turn limit", int, num("environment.turnLimit"))
      .addOption(
        new Option(
          "--feedback <mode>",
          'execution (the paper), none (App. B.5: only "Give it another try.", all turns always), random (App. C.2)',
        )
          .choices(FEEDBACK_MODES)
          .default(String(d["environment.feedback"])),
      )
      .option("--temperature <t>", "training sampling temperature (no top-p, as the paper)", Number, num("sampling.temperature"))
      .option("--max-tokens <n>", "max tokens per reply", int, num("sampling.maxTokens"))
      .option("--checkpoint-every <n>", "save a checkpoint every N steps", int, num("checkpointEvery"))
      .option("--eval-every <n>", "evaluate every N steps (0: never)", int, num("eval.every"))
      .option("--eval-split <split>", "split for the evals", String(d["eval.split"]))
      .option("--eval-limit <k>", "first K problems of the eval split", int)
      .option("--concurrency <n>", "episodes in flight", int, num("concurrency"))
      .option("--seed <n>", "problem sampling seed", int, num("seed"))
      .addOption(
        new Option("--algo <algo>", "ppo: RLEF; sft: the supervised baseline on the solved episodes of --sft-source-run")
          .choices(TRAIN_ALGOS)
          .default(String(d.algo)),
      )
      .addOption(
        new Option(
          "--finetune <mode>",
          "full (fp32 masters) or lora (fp32 adapters over a frozen bf16 base); default: what the trainer serves",
        ).choices(FINETUNE_MODES),
      )
      // unset optimizer settings are the trainer's preset (2e-7 full FT as the paper, 2e-6 LoRA, 1e-3 builtin:tiny), recorded on the run
      .option("--lr <x>", "policy learning rate (default: the trainer's preset)", Number)
      .option("--critic-lr <x>", "value network learning rate (default: 10 × lr)", Number)
      .option("--kl-beta <x>", "KL penalty β in the reward (paper: 0.05)", Number, num("reward.klBeta"))
      .option("--clip-eps <x>", "PPO policy clip ε (paper: 0.2)", Number)
      .option("--value-clip <x>", "value clip around the old value (paper: 0.2)", Number)
      .option("--minibatches <n>", "minibatch updates per step (paper: 4)", int)
      .option("--warmup-steps <n>", "linear learning-rate warm-up, in optimizer updates (paper: 50)", int)
      .option("--weight-decay <x>", "AdamW weight decay (paper: 0.1)", Number)
      .option("--grad-clip <x>", "gradient-norm clip (1.0)", Number)
      .option("--sft-source-run <id...>", "--algo sft: runs whose solved episodes are the training data")
      .addOption(
        new Option("--sft-loss-on <which>", "--algo sft: loss on the final reply (the paper) or on every reply")
          .choices(SFT_LOSS_ON)
          .default("final"),
      )
      .option("--sft-epochs <n>", "--algo sft: passes over the data (paper: 2 or 3)", int, 2)
      .option("--name <name>", "run name")
      .option("--inline", "run in this process instead of enqueuing for a worker")
      .option("--no-wait", "enqueue and return the run id at once")
      .option("--json", "print the run's final state as JSON")
      .action(async (o: TrainOptions) => {
        const dbHandle = await ensureDatabase();
        const db = getPrisma();
        try {
          const run = await createTrainRun(db, {
            name: o.name,
            trainer: { baseUrl: o.trainerUrl, baseModel: o.baseModel },
            dataset: o.dataset,
            split: o.split,
            steps: o.steps,
            episodesPerStep: o.episodesPerStep,
            rolloutsPerProblem: o.rolloutsPerProblem,
            environment: { turnLimit: o.turns, feedback: o.feedback },
            sampling: { temperature: o.temperature, maxTokens: o.maxTokens },
            checkpointEvery: o.checkpointEvery,
            concurrency: o.concurrency,
            seed: o.seed,
            eval: { every: o.evalEvery, split: o.evalSplit, limit: o.evalLimit },
            algo: o.algo,
            reward: { klBeta: o.klBeta },
            optimizer: {
              lr: o.lr,
              criticLr: o.criticLr,
              clipEpsilon: o.clipEps,
              valueClip: o.valueClip,
              minibatches: o.minibatches,
              warmupSteps: o.warmupSteps,
              weightDecay: o.weightDecay,
              gradClip: o.gradClip,
            },
            ...(o.finetune ? { trainer: { baseUrl: o.trainerUrl, baseModel: o.baseModel, finetune: o.finetune } } : {}),
            sft: { sourceRuns: o.sftSourceRun ?? [], lossOn: o.sftLossOn, epochs: o.sftEpochs },
          });
          // e.g. "dropped 669 problems without public or private tests" (the paper's §3.1 rule)
          for (const n of run.notices) console.error(`note: ${n}`);
          if (!o.json)
            console.error(
              `${o.algo === "sft" ? "SFT" : "training"} run ${run.id}: ${run.config.steps} steps × ${o.episodesPerStep} ${o.algo === "sft" ? "examples" : "episodes"}`,
            );
          const done = await driveRun(db, { id: run.id, kind: "TRAIN" }, o, (signal, onProgress) =>
            executeTrainRun(db, run.id, { signal, onProgress }),
          );
          if (!done) {
            console.log(run.id);
            return;
          }
          const checkpoints = await listRunCheckpoints(db, run.id);
          const result = {
            runId: run.id,
            status: done.status,
            steps: done.trainStep,
            error: done.error,
            notices: run.notices,
            checkpoints,
          };
          console.log(
            o.json
              ? JSON.stringify(result, null, 2)
              : `run ${run.id} ${done.status} after ${done.trainStep} steps; ${checkpoints.length} checkpoints`,
          );
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
      })
  );
}
