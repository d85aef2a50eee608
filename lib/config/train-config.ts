import { z } from "zod";
import { FINETUNE_MODES, JUDGE_TEST_SETS, SFT_LOSS_ON, TRAIN_ALGOS, TRAINER_PRESETS } from "./options";
import { environmentConfigSchema, rewardConfigSchema } from "./run-config";

// docs/method.md §6.6 with the paper's defaults. The paper trains with 1024 rollouts per
// batch in 4 updates of 256 on 288 GPUs; on one GPU (or a CPU demo) the batch
// is scaled down, and `episodesPerStep` says by how much.

/**
 * The optimizer and PPO settings the trainer uses. Every one left unset takes the value of the trainer's
 * preset, resolved by the trainer (trainer/rlef_trainer/config.py, the one table of them) and recorded in
 * the run's `trainerConfig` when the run registers: the paper's for full fine-tuning (lr 2e-7, weight decay
 * 0.1, 50 warm-up updates, ε 0.2, value clip 0.2, 4 minibatches), lr 2e-6 for LoRA, lr 1e-3 for builtin:tiny.
 */
export const optimizerConfigSchema = z.object({
  lr: z.number().positive().optional(),
  /** the critic's (value network's) learning rate; preset: 10 × lr */
  criticLr: z.number().positive().optional(),
  weightDecay: z.number().min(0).optional(),
  warmupSteps: z.number().int().min(0).optional(),
  clipEpsilon: z.number().positive().optional(),
  valueClip: z.number().positive().optional(),
  gradClip: z.number().positive().optional(),
  /** minibatch updates per batch (paper: 4 × 256 from 1024) */
  minibatches: z.number().int().min(1).optional(),
});

/** The SFT baseline (paper Table 3): successful trajectories of earlier runs, loss on the replies. */
export const sftConfigSchema = z.object({
  /**
   * runs whose solved episodes are the training data (`rlef export --format chat` writes the same
   * conversations); the form's text input may list them separated by commas or spaces
   */
  sourceRuns: z.preprocess((v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v), z.array(z.string().min(1))).default([]),
  /** "final": loss on the final (passing) reply only, the paper's better variant; "all": on every reply */
  lossOn: z.enum(SFT_LOSS_ON).default("final"),
  /** passes over the data (the paper sweeps 2 and 3) */
  epochs: z.number().int().min(1).max(100).default(2),
});

/**
 * The training environment: the evaluation one, except that the reward is the paper's training
 * reward, "all public and private tests pass". A default of the field (not of the whole object), so
 * a run that sets only the turn limit still trains on that reward.
 */
export const trainEnvironmentConfigSchema = environmentConfigSchema.extend({
  judgeTests: z.enum(JUDGE_TEST_SETS).default("public+private"),
});

export const trainRunConfigSchema = z
  .object({
    name: z.string().max(200).optional(),
    /** "ppo": RLEF; "sft": the supervised baseline on successful trajectories (needs `sft`) */
    algo: z.enum(TRAIN_ALGOS).default("ppo"),
    trainer: z.object({
      baseUrl: z.string().url(),
      /** what the trainer serves (its /status `model`, e.g. "builtin:tiny" or "hf:Llama-3.1-8B-Instruct"); it must match */
      baseModel: z.string().default("builtin:tiny"),
      /** absent: what the trainer was started with (builtin:tiny: full; HF models: lora) */
      finetune: z.enum(FINETUNE_MODES).optional(),
      /** absent: the trainer's default for its model (builtin:tiny: "tiny", HF models: "paper") */
      preset: z.enum(TRAINER_PRESETS).optional(),
      /** each request's timeout; a PPO step is a job the worker polls, so it may take far longer */
      requestTimeoutMs: z.number().int().min(1000).default(600_000),
    }),
    dataset: z.string().min(1),
    split: z.string().min(1).default("train"),
    steps: z.number().int().min(1).default(100),
    /** rollouts collected per PPO step (paper: 1024) */
    episodesPerStep: z.number().int().min(1).default(64),
    /** rollouts of the same problem within a step */
    rolloutsPerProblem: z.number().int().min(1).default(1),
    environment: trainEnvironmentConfigSchema.prefault({}),
    reward: rewardConfigSchema.prefault({}),
    sampling: z
      .object({
        /** training rollouts: temperature only, no top-p/top-k (the PPO ratio needs the true sampling distribution) */
        temperature: z.number().gt(0).max(2).default(1.0),
        maxTokens: z.number().int().min(1).max(65_536).default(1024),
      })
      .prefault({}),
    optimizer: optimizerConfigSchema.prefault({}),
    checkpointEvery: z.number().int().min(1).default(10),
    eval: z
      .object({
        split: z.string().min(1).default("valid"),
        /** evaluate every N steps, at each checkpoint (0 = never) */
        every: z.number().int().min(0).default(10),
        rolloutsPerProblem: z.number().int().min(1).default(1),
        limit: z.number().int().min(1).optional(),
        temperature: z.number().min(0).max(2).default(0.2),
        topP: z.number().gt(0).max(1).default(0.95),
        /** max tokens per reply in checkpoint evals; an eval run's default when absent (not the training value) */
        maxTokens: z.number().int().min(1).max(65_536).optional(),
      })
      .prefault({}),
    concurrency: z.number().int().min(1).max(512).default(16),
    seed: z.number().int().default(0),
    /** used when `algo` is "sft" */
    sft: sftConfigSchema.prefault({}),
    /**
     * Written by the worker, not by the user: the config the trainer echoed when the run registered
     * (every setting resolved, preset included) and the fingerprint its episodes carry.
     */
    trainerConfig: z.record(z.string(), z.unknown()).optional(),
    trainerConfigSha256: z.string().optional(),
  })
  .superRefine((config, ctx) => {
    if (config.algo === "sft" && config.sft.sourceRuns.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["sft", "sourceRuns"],
        message: "an SFT run needs the runs whose solved episodes it trains on",
      });
  });
export type TrainRunConfig = z.infer<typeof trainRunConfigSchema>;
