import type { Oracle } from "../sandbox/function-test";

/**
 * A function-call problem as read from a benchmark file, before the sandbox has split its test code into
 * asserts and computed the reference outputs of its inputs (materialize-function-tasks.ts).
 */
export interface FunctionTaskDraft {
  externalId: string;
  name: string;
  /** the problem text for the prompt (HumanEval: the function prompt; MBPP: the task sentence) */
  description: string;
  /** HumanEval+: the function prompt the response starts with (App. C.4); null elsewhere */
  responsePrefix: string | null;
  entryPoint: string;
  /** the whole reference program (EvalPlus: prompt + canonical_solution); null when the row has none */
  reference: string | null;
  /** test code split into one test per assert: HumanEval `check(candidate)` or MBPP assert lines */
  assertSource: string;
  /** code every test runs after the solution: MBPP test_imports / test_setup_code */
  prelude: string;
  /** EvalPlus inputs as raw JSON argument lists; reference outputs come from running `reference` */
  baseInputs: string[];
  plusInputs: string[];
  atol: number;
  oracle: Oracle;
  /** EvalPlus' per-task JSON → Python rules (MBPP+), e.g. "mbpp:2" */
  deserialize: string | null;
  source: string;
  /** EvalPlus runs with 4 GiB (EVALPLUS_MAX_MEMORY_BYTES); null: the run's default */
  memoryLimitBytes: number | null;
  /**
   * The original datasets' own harness as one scoring test (HumanEval's check(candidate) call, MBPP's
   * whole assert list); absent for EvalPlus, which scores on its inputs.
   */
  wholeTest?: string;
  /** the whole test is also the in-loop test (EvalPlus -OriginFmt HumanEval+: no separate asserts) */
  wholeIsPublic?: boolean;
  /** fields of the source kept for the record (contract, source_file, …) */
  tags: string[];
}

/** EvalPlus' special oracles by entry point (evalplus/eval/__init__.py and _special_oracle.py). */
export function evalPlusOracle(dataset: "humaneval" | "mbpp", entryPoint: string): Oracle {
  if (dataset === "humaneval") return entryPoint === "find_zero" ? "find_zero" : "exact";
  if (entryPoint === "are_equivalent") return "always";
  if (entryPoint === "sum_div") return "sum_div";
  if (entryPoint === "surface_Area") return "surface_area";
  if (entryPoint === "digit_distance_nums") return "digit_distance";
  if (MBPP_SET_EQ.has(entryPoint)) return "set";
  if (MBPP_NOT_NONE.has(entryPoint)) return "not_none";
  return "exact";
}

const MBPP_SET_EQ = new Set([
  "similar_elements",
  "find_char_long",
  "common_in_nested_lists",
  "extract_singly",
  "larg_nnum",
  "intersection_array",
  "find_dissimilar",
  "Diff",
]);
const MBPP_NOT_NONE = new Set(["check_str", "text_match_three", "text_starta_endb"]);
