/**
 * The closed choices of a run config, each listed once. The zod schemas build their enums from these
 * tuples, the CLI offers them as `.choices()`, and the launch forms render their <option>s from the
 * labels, so a new choice added here reaches all three (and a typo in any of them is a type error).
 */

/** Who writes the code: the demo policy, an OpenAI-compatible endpoint, or our trainer. */
export const POLICY_KINDS = ["demo", "openai", "trainer"] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** What follows a failed attempt (the paper's, and two ablations). */
export const FEEDBACK_MODES = ["execution", "none", "random"] as const;
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];
export const FEEDBACK_MODE_LABELS: Record<FeedbackMode, string> = {
  execution: "execution feedback (the paper)",
  none: 'none (App. B.5: only "Give it another try.", never stops early)',
  random: "random (App. C.2: an unrelated problem's wrong Python 3 solution's failure)",
};

/** Which tests decide the terminal reward; the public tests always drive the feedback. */
export const JUDGE_TEST_SETS = ["public+private+generated", "public+private"] as const;
export type JudgeTestSet = (typeof JUDGE_TEST_SETS)[number];
export const JUDGE_TEST_SET_LABELS: Record<JudgeTestSet, string> = {
  "public+private+generated": "public + private + generated",
  "public+private": "public + private",
};

/**
 * The tests each reply runs on in the loop (they drive the feedback and the early stop): the public
 * tests as in the paper, or App. B.3's 20 tests of public, then private, then generated, with up to 8
 * failures shown (environment.feedbackTestCount / feedbackMaxFailures).
 */
export const FEEDBACK_TEST_SETS = ["public", "public+hidden"] as const;
export type FeedbackTestSet = (typeof FEEDBACK_TEST_SETS)[number];
export const FEEDBACK_TEST_SET_LABELS: Record<FeedbackTestSet, string> = {
  public: "public tests (the paper)",
  "public+hidden": "public + private/generated tests (App. B.3: 20 tests, up to 8 failures shown)",
};

/**
 * Where the launch form's eval policy comes from. Not a config value: the launch action resolves a
 * source into a `policy` config (a stored endpoint into openai/trainer, a checkpoint into trainer).
 */
export const EVAL_POLICY_SOURCES = ["demo", "endpoint", "checkpoint"] as const;
export type EvalPolicySource = (typeof EVAL_POLICY_SOURCES)[number];
export const EVAL_POLICY_SOURCE_LABELS: Record<EvalPolicySource, string> = {
  demo: "Demo policy (replays the dataset's solutions; no model)",
  endpoint: "Model endpoint",
  checkpoint: "Training checkpoint",
};

/** How a training run learns: RLEF's PPO, or the supervised baseline on successful trajectories. */
export const TRAIN_ALGOS = ["ppo", "sft"] as const;
export type TrainAlgo = (typeof TRAIN_ALGOS)[number];
export const TRAIN_ALGO_LABELS: Record<TrainAlgo, string> = { ppo: "RLEF (PPO)", sft: "SFT on successful trajectories (Table 3 baseline)" };

/** Which weights train: all of them (fp32 masters) or LoRA adapters over a frozen bf16 base. */
export const FINETUNE_MODES = ["full", "lora"] as const;
export type FinetuneMode = (typeof FINETUNE_MODES)[number];
export const FINETUNE_MODE_LABELS: Record<FinetuneMode, string> = { full: "full fine-tuning", lora: "LoRA adapters" };

/** The trainer's tables of defaults for unset settings (trainer/rlef_trainer/config.py). */
export const TRAINER_PRESETS = ["paper", "tiny"] as const;

/** Where an SFT run's loss applies: the final (passing) reply, or every reply. */
export const SFT_LOSS_ON = ["final", "all"] as const;
export type SftLossOn = (typeof SFT_LOSS_ON)[number];
export const SFT_LOSS_ON_LABELS: Record<SftLossOn, string> = { final: "final reply (the paper's choice)", all: "every reply" };

/** A choice list as a form renders it. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
