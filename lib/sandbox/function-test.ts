import { z } from "zod";
import type { TestCase } from "../problems/problem-record";
import { readSandboxSource } from "./sandbox-source";

/**
 * Function-call tests (HumanEval/MBPP/EvalPlus/LiveCodeBench functional) as ordinary stdin/stdout tests:
 * a test's `input` is a JSON spec that harness.py reads from stdin, its `output` is the pass line the
 * harness prints. The program judged is harness.py + the solution (buildFunctionProgram), so the fast
 * engine's fork per test, limits and isolation apply unchanged. See README.md.
 */
export const FUNCTION_TEST_TAG = "rlef-function-test/1";
export const FUNCTION_TEST_PASS = "RLEF-FUNCTION-TEST PASS";
const FAIL_PREFIX = "RLEF-FUNCTION-TEST FAIL ";

/** A stored expected value: a Python expression the harness evaluates, or a base64 pickle (sandbox only). */
export const encodedValueSchema = z.union([
  z.object({ py: z.string() }),
  z.object({ pickle: z.string() }),
  /** JSON text as the dataset has it (LiveCodeBench outputs) */
  z.object({ json: z.string() }),
  /**
   * a huge output (over 64 KiB as a literal): the sha256 of its literal, compared exactly; with `canon: 1`
   * of its canonical text (function-harness.py `_rlef_canon`: equal exactly when ==, big ints in hex),
   * without it (imports before that) of repr()
   */
  z.object({ sha256: z.string(), length: z.number(), canon: z.literal(1).optional() }),
]);
export type EncodedValue = z.infer<typeof encodedValueSchema>;

/** EvalPlus' special oracles (evalplus/eval/__init__.py); "exact" is its default comparison. */
export const ORACLES = [
  "exact",
  "set",
  "not_none",
  "always",
  "sum_div",
  "surface_area",
  "digit_distance",
  "find_zero",
  "lcb",
  "apps",
] as const;
export type Oracle = (typeof ORACLES)[number];

const common = {
  rlef: z.literal(FUNCTION_TEST_TAG),
  /** the function the test calls; `candidate` is bound to it in assert tests */
  entry: z.string().min(1),
  /** code run after the solution, before the test (test imports, MBPP test_setup_code, HumanEval METADATA) */
  prelude: z.string().default(""),
  /** what feedback and pages show as `${test}` */
  show: z.string(),
};

export const assertSpecSchema = z.object({
  ...common,
  mode: z.literal("assert"),
  /** statements before this assert inside check() (e.g. `import math`) */
  setup: z.string().default(""),
  /** one assert (or one compound statement holding asserts) */
  code: z.string().min(1),
});

export const callSpecSchema = z.object({
  ...common,
  mode: z.literal("call"),
  /** the argument list as JSON text, exactly as the dataset has it (big ints and Infinity included) */
  args: z.union([z.string(), encodedValueSchema]),
  /** how the harness turns JSON into Python values (e.g. "mbpp:2": EvalPlus' tuple rules for Mbpp/2) */
  deserialize: z.string().nullable().default(null),
  expected: encodedValueSchema,
  atol: z.number().default(0),
  oracle: z.enum(ORACLES).default("exact"),
  /** code run before the solution, in its namespace: what the dataset's grader defines first (APPS/TACO's imports) */
  preamble: z.string().optional(),
});

export const functionTestSpecSchema = z.discriminatedUnion("mode", [assertSpecSchema, callSpecSchema]);
export type AssertSpec = z.input<typeof assertSpecSchema>;
export type CallSpec = z.input<typeof callSpecSchema>;
export type FunctionTestSpec = z.infer<typeof functionTestSpecSchema>;

/** Spec → stored test. Keys in a fixed order, so the same spec is the same input text (idempotent imports). */
export function functionTestCase(spec: Omit<AssertSpec, "rlef"> | Omit<CallSpec, "rlef">): TestCase {
  const parsed = functionTestSpecSchema.parse({ rlef: FUNCTION_TEST_TAG, ...spec });
  return { input: JSON.stringify(parsed), output: `${FUNCTION_TEST_PASS}\n` };
}

export function isFunctionTest(test: Pick<TestCase, "input">): boolean {
  return test.input.startsWith(`{"rlef":"${FUNCTION_TEST_TAG}"`);
}

/** The spec of a function test, or null for a stdin/stdout test. */
export function parseFunctionTest(test: Pick<TestCase, "input">): FunctionTestSpec | null {
  if (!isFunctionTest(test)) return null;
  return functionTestSpecSchema.parse(JSON.parse(test.input));
}

/** True when the tests are function tests; a set mixing both kinds cannot be judged by one program. */
export function isFunctionTestSet(tests: readonly Pick<TestCase, "input">[]): boolean {
  const kinds = new Set(tests.map(isFunctionTest));
  if (kinds.size > 1) throw new Error("a test set mixes function-call tests and stdin/stdout tests; they need different programs");
  return kinds.has(true);
}

/** function-harness.py, read once (it ships beside this file). */
export function harnessPython(): string {
  return readSandboxSource("function-harness.py");
}

/**
 * The program the sandbox runs for function tests: the harness, then the solution as base64 (any text
 * survives, and the harness compiles it as "solution.py" so tracebacks match a plain run).
 */
export function buildFunctionProgram(solution: string): string {
  return `${harnessPython()}\n\n_rlef_main(${JSON.stringify(Buffer.from(solution, "utf8").toString("base64"))})\n`;
}

/** The AssertionError message of a failed function test, from the harness's result line; null if none. */
export function functionTestFailureMessage(stdout: string): string | null {
  const at = stdout.indexOf(FAIL_PREFIX);
  if (at < 0) return null;
  const line = stdout.slice(at + FAIL_PREFIX.length).split("\n", 1)[0];
  try {
    const parsed = z.object({ message: z.string() }).parse(JSON.parse(line));
    return parsed.message;
  } catch {
    return null;
  }
}
