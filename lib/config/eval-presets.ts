import type { EvalRunConfigInput } from "./run-config";

/**
 * Named evaluation protocols: a preset is config input that a run's own settings override. Listed
 * once here for the CLI's `--preset` choices and the launch form's preset select. The paper's
 * numbers: Table 1 samples 200 rollouts per problem, 3 turns, top-p 0.95, at temperature 0.2 for
 * 1@3 and 1.0 for 10@100, judged on private and generated tests.
 */
export const EVAL_PRESETS = ["paper-1at3", "paper-10at100"] as const;
export type EvalPreset = (typeof EVAL_PRESETS)[number];

export const EVAL_PRESET_LABELS: Record<EvalPreset, string> = {
  "paper-1at3": "the paper's 1@3 (200 rollouts, T 0.2, top-p 0.95, 3 turns)",
  "paper-10at100": "the paper's 10@100 (200 rollouts, T 1.0, top-p 0.95, 3 turns)",
};

type PresetInput = Pick<EvalRunConfigInput, "rolloutsPerProblem" | "environment" | "sampling">;

export const EVAL_PRESET_CONFIG: Record<EvalPreset, PresetInput> = {
  "paper-1at3": {
    rolloutsPerProblem: 200,
    environment: { turnLimit: 3, judgeTests: "public+private+generated" },
    sampling: { temperature: 0.2, topP: 0.95 },
  },
  "paper-10at100": {
    rolloutsPerProblem: 200,
    environment: { turnLimit: 3, judgeTests: "public+private+generated" },
    sampling: { temperature: 1.0, topP: 0.95 },
  },
};

/** The preset's values under `input`: whatever `input` sets wins, object by object. */
export function withEvalPreset<T extends Record<string, unknown>>(preset: EvalPreset | undefined, input: T): T {
  return preset ? (deepMerge(EVAL_PRESET_CONFIG[preset], input) as T) : input;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const prior = out[key];
    out[key] = isPlainObject(prior) && isPlainObject(value) ? deepMerge(prior, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
