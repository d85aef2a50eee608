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
  none: "none (\"Give it another try.\")",
  random: "random (ablation)",
};

/** Which tests decide the terminal reward; the public tests always drive the feedback. */
export const JUDGE_TEST_SETS = ["public+private+generated", "public+private"] as const;
export type JudgeTestSet = (typeof JUDGE_TEST_SETS)[number];
export const JUDGE_TEST_SET_LABELS: Record<JudgeTestSet, string> = {
  "public+private+generated": "public + private + generated",
  "public+private": "public + private",
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

/** A choice list as a form renders it. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
