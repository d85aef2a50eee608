import { z } from "zod";
import { EVAL_PRESETS } from "./eval-presets";
import { FEEDBACK_MODES, FEEDBACK_TEST_SETS, JUDGE_TEST_SETS, type PolicyKind } from "./options";

// Every constant of the method lives here with the paper's default (docs/method.md),
// and every run stores the parsed config it ran with.

export const policyConfigSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("demo"),
    seed: z.number().int().default(0),
  }),
  z.object({
    kind: z.literal("openai"),
    baseUrl: z.string().url(),
    model: z.string().min(1),
    endpointId: z.string().optional(),
    /** name of the environment variable holding the API key (never the key itself) */
    apiKeyEnv: z.string().optional(),
    maxConcurrency: z.number().int().min(1).max(1024).default(16),
    requestTimeoutMs: z.number().int().min(1000).default(600_000),
    maxRetries: z.number().int().min(0).max(20).default(6),
    logprobs: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal("trainer"),
    baseUrl: z.string().url(),
    model: z.string().default("policy"),
    maxConcurrency: z.number().int().min(1).max(1024).default(64),
    requestTimeoutMs: z.number().int().min(1000).default(600_000),
    maxRetries: z.number().int().min(0).max(20).default(6),
  }),
]);
export type PolicyConfig = z.infer<typeof policyConfigSchema>;
export type PolicyConfigInput = z.input<typeof policyConfigSchema>;
// POLICY_KINDS (the CLI's and the docs' list) and the union's literals are one list: a kind added to
// one and not the other does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
void (true satisfies Same<PolicyKind, PolicyConfig["kind"]>);

export const environmentConfigSchema = z.object({
  turnLimit: z.number().int().min(1).max(20).default(3),
  /** "execution": the paper's feedback; "none": only "Give it another try."; "random": an unrelated problem's wrong solution's feedback */
  feedback: z.enum(FEEDBACK_MODES).default("execution"),
  /** which tests decide the terminal reward (the in-loop tests below drive feedback and the early stop) */
  judgeTests: z.enum(JUDGE_TEST_SETS).default("public+private+generated"),
  /**
   * The in-loop tests each reply runs on. "public": the paper's setup, every failing public test is shown.
   * "public+hidden": App. B.3, the first `feedbackTestCount` of public, then private, then generated
   * tests (generated only when judged), with at most `feedbackMaxFailures` failures shown.
   */
  feedbackTests: z.enum(FEEDBACK_TEST_SETS).default("public"),
  feedbackTestCount: z.number().int().min(1).max(1000).default(20),
  feedbackMaxFailures: z.number().int().min(1).max(1000).default(8),
  truncateChars: z.number().int().min(100).default(2000),
  defaultTimeLimitMs: z.number().int().min(100).default(10_000),
  defaultMemoryLimitBytes: z
    .number()
    .int()
    .min(16 * 1024 * 1024)
    .default(1024 * 1024 * 1024),
  systemPrompt: z.string().optional(),
});
export type EnvironmentConfig = z.infer<typeof environmentConfigSchema>;

export const rewardConfigSchema = z.object({
  success: z.number().default(1),
  failure: z.number().default(-1),
  invalidCode: z.number().default(-0.2),
  klBeta: z.number().min(0).default(0.05),
});
export type RewardConfig = z.infer<typeof rewardConfigSchema>;

export const samplingConfigSchema = z.object({
  temperature: z.number().min(0).max(2).default(0.2),
  topP: z.number().gt(0).max(1).default(0.95),
  maxTokens: z.number().int().min(1).max(65_536).default(2048),
  /** the run's seed: each (problem, sample, turn) request gets its own seed derived from it (lib/policy/derive-seed.ts) */
  seed: z.number().int().optional(),
});
export type SamplingConfig = z.infer<typeof samplingConfigSchema>;

export const evalRunConfigSchema = z.object({
  name: z.string().max(200).optional(),
  policy: policyConfigSchema,
  dataset: z.string().min(1),
  /** a split name; "all" only for a dataset with a single split (createEvalRun refuses to mix splits) */
  split: z.string().min(1).default("all"),
  /** the evaluation protocol the run claims (lib/config/eval-presets.ts); createEvalRun refuses values that contradict it */
  preset: z.enum(EVAL_PRESETS).optional(),
  /** external ids of the problems to use; all of the split when absent */
  problems: z.array(z.string()).optional(),
  limit: z.number().int().min(1).optional(),
  rolloutsPerProblem: z.number().int().min(1).max(1000).default(1),
  // prefault: an absent (or partly given) object is parsed, so every default is the schema's own
  environment: environmentConfigSchema.prefault({}),
  reward: rewardConfigSchema.prefault({}),
  sampling: samplingConfigSchema.prefault({}),
  /** episodes in flight at once in one run */
  concurrency: z.number().int().min(1).max(512).default(8),
});
export type EvalRunConfig = z.infer<typeof evalRunConfigSchema>;
export type EvalRunConfigInput = z.input<typeof evalRunConfigSchema>;

export function policyLabel(policy: PolicyConfig): string {
  switch (policy.kind) {
    case "demo":
      return "demo policy (dataset solutions, not a model)";
    case "openai":
      return `openai:${policy.model}`;
    case "trainer":
      return `trainer:${policy.model}`;
  }
}
