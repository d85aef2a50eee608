import type { EvalRunConfigInput } from "./run-config";

/**
 * Named evaluation protocols (issue 10.13): a preset is config input under the run's own settings.
 * Listed once here for the CLI's `--protocol` choices and the launch form's preset select. The paper's
 * numbers: Table 1 samples 200 rollouts per problem, 3 turns, top-p 0.95, at temperature 0.2 for
 * 1@3 and 1.0 for 10@100, judged on private and generated tests (RLEF-PAPER.md §3, §5).
 *
 * A run that names a preset stores it in its config (`preset`), and createEvalRun refuses a config
 * that contradicts what the preset fixes (presetConflicts), so "paper-1at3" on a run page is a
 * checked claim, not a label. The number of rollouts may differ (the paper's Table 2 uses 20), down
 * to what the preset's headline metric needs.
 */
export const EVAL_PRESETS = [
  "paper-1at3",
  "paper-10at100",
  "paper-table2-humanevalplus",
  "paper-table2-mbppplus",
  "paper-table2-livecodebench",
] as const;
export type EvalPreset = (typeof EVAL_PRESETS)[number];

export const EVAL_PRESET_LABELS: Record<EvalPreset, string> = {
  "paper-1at3": "the paper's 1@3 (200 rollouts, T 0.2, top-p 0.95, 3 turns)",
  "paper-10at100": "the paper's 10@100 (200 rollouts, T 1.0, top-p 0.95, 3 turns)",
  "paper-table2-humanevalplus":
    "Table 2/5 on HumanEval+ (20 rollouts, T 0.2, top-p 0.95, 3 turns; base tests in the loop, plus tests scored; ST and MT 1@3)",
  "paper-table2-mbppplus":
    "Table 2/5 on MBPP+ (20 rollouts, T 0.2, top-p 0.95, 3 turns; base tests in the loop, plus tests scored; ST and MT 1@3)",
  "paper-table2-livecodebench":
    "Table 2/5 on LiveCodeBench (20 rollouts, T 0.2, top-p 0.95, 3 turns; public tests in the loop, private scored; ST and MT 1@3)",
};

type PresetInput = Pick<EvalRunConfigInput, "rolloutsPerProblem" | "environment" | "sampling">;

const TABLE2: PresetInput = {
  rolloutsPerProblem: 20,
  environment: { turnLimit: 3, judgeTests: "public+private" },
  sampling: { temperature: 0.2, topP: 0.95 },
};

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
  // Table 2/5 (App. B.1): 20 multi-turn rollouts per problem at T 0.2; single-turn 1@3 comes from the
  // same rollouts' first replies, so ST and MT are at an equal sample budget (3 samples each).
  // Function-call benchmarks have no generated tests: public (base) + private (plus) are judged.
  "paper-table2-humanevalplus": TABLE2,
  "paper-table2-mbppplus": TABLE2,
  "paper-table2-livecodebench": TABLE2,
};

/** Fewest rollouts per problem that still compute the preset's headline metric (10@100 = 33 rollouts of 3 turns). */
export const EVAL_PRESET_MIN_ROLLOUTS: Record<EvalPreset, number> = {
  "paper-1at3": 1,
  "paper-10at100": 33,
  "paper-table2-humanevalplus": 1,
  "paper-table2-mbppplus": 1,
  "paper-table2-livecodebench": 1,
};

/** The preset's values under `input`: whatever `input` sets wins, object by object; the preset is recorded. */
export function withEvalPreset<T extends Record<string, unknown>>(preset: EvalPreset | undefined, input: T): T {
  return preset ? (deepMerge({ ...EVAL_PRESET_CONFIG[preset], preset }, input) as T) : input;
}

/**
 * Field path → message for every value of a parsed config that contradicts the preset it names:
 * turn limit, judged tests, temperature and top-p are fixed; rollouts may not fall below the minimum.
 */
export function presetConflicts(config: {
  preset?: string;
  rolloutsPerProblem: number;
  environment: { turnLimit: number; judgeTests: string };
  sampling: { temperature: number; topP: number };
}): Record<string, string[]> {
  const preset = config.preset as EvalPreset | undefined;
  if (!preset) return {};
  if (!EVAL_PRESETS.includes(preset)) return { preset: [`unknown preset "${preset}" (one of ${EVAL_PRESETS.join(", ")})`] };
  const fixed = EVAL_PRESET_CONFIG[preset];
  const errors: Record<string, string[]> = {};
  const check = (path: string, actual: unknown, expected: unknown) => {
    if (actual !== expected) errors[path] = [`${preset} fixes this to ${expected}, got ${actual}`];
  };
  check("environment.turnLimit", config.environment.turnLimit, fixed.environment?.turnLimit);
  check("environment.judgeTests", config.environment.judgeTests, fixed.environment?.judgeTests);
  check("sampling.temperature", config.sampling.temperature, fixed.sampling?.temperature);
  check("sampling.topP", config.sampling.topP, fixed.sampling?.topP);
  if (config.rolloutsPerProblem < EVAL_PRESET_MIN_ROLLOUTS[preset]) {
    errors.rolloutsPerProblem = [
      `${preset} needs at least ${EVAL_PRESET_MIN_ROLLOUTS[preset]} rollouts per problem, got ${config.rolloutsPerProblem}`,
    ];
  }
  return errors;
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
