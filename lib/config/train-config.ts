import { z } from "zod";
import { JUDGE_TEST_SETS } from "./options";
import { environmentConfigSchema, rewardConfigSchema } from "./run-config";

// RLEF.md §4 with the paper's defaults. The paper trains with 1024 rollouts per
// batch in 4 updates of 256 on 288 GPUs; on one GPU (or a CPU demo) the batch
// is scaled down, and `episodesPerStep` says by how much.

export const optimizerConfigSchema = z.object({
  lr: z.number().positive().default(2e-7),
  weightDecay: z.number().min(0).default(0.1),
  warmupSteps: z.number().int().min(0).default(50),
  clipEpsilon: z.number().positive().default(0.2),
  valueClip: z.number().positive().default(0.2),
  gradClip: z.number().positive().default(1.0),
  /** minibatch updates per batch (paper: 4 × 256 from 1024) */
  minibatches: z.number().int().min(1).default(4),
});

/**
 * The training environment: the evaluation one, except that the reward is the paper's training
 * reward, "all public and private tests pass". A default of the field (not of the whole object), so
 * a run that sets only the turn limit still trains on that reward.
 */
export const trainEnvironmentConfigSchema = environmentConfigSchema.extend({
  judgeTests: z.enum(JUDGE_TEST_SETS).default("public+private"),
});

export const trainRunConfigSchema = z.object({
  name: z.string().max(200).optional(),
  trainer: z.object({
    baseUrl: z.string().url(),
    /** what the trainer serves, for the record (e.g. "builtin:tiny" or a local HF directory) */
    baseModel: z.string().default("builtin:tiny"),
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
  sampling: z.object({
    /** training rollouts: temperature only, no top-p/top-k (the PPO ratio needs the true sampling distribution) */
    temperature: z.number().gt(0).max(2).default(1.0),
    maxTokens: z.number().int().min(1).max(65_536).default(1024),
  }).prefault({}),
  optimizer: optimizerConfigSchema.prefault({}),
  checkpointEvery: z.number().int().min(1).default(10),
  eval: z.object({
    split: z.string().min(1).default("valid"),
    /** evaluate every N steps, at each checkpoint (0 = never) */
    every: z.number().int().min(0).default(10),
    rolloutsPerProblem: z.number().int().min(1).default(1),
    limit: z.number().int().min(1).optional(),
    temperature: z.number().min(0).max(2).default(0.2),
    topP: z.number().gt(0).max(1).default(0.95),
  }).prefault({}),
  concurrency: z.number().int().min(1).max(512).default(16),
  seed: z.number().int().default(0),
});
export type TrainRunConfig = z.infer<typeof trainRunConfigSchema>;
export type TrainRunConfigInput = z.input<typeof trainRunConfigSchema>;
