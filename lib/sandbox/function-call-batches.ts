import { FUNCTION_TEST_PASS, FUNCTION_TEST_TAG, functionTestSpecSchema, isFunctionTest, type FunctionTestSpec } from "./function-test";
import { sandboxErrorResult } from "./classify-verdict";
import type { TestCase } from "../problems/problem-record";
import type { JudgeMode, TestResult } from "./types";

/**
 * EvalPlus-style scoring inputs ("call" tests) judged many to a fork (issue 15): a fork per input costs
 * ~10 ms of fork and round trip against ~0.1 ms for the call itself, so one forked child runs up to
 * `batchSize` consecutive call tests of the submission and prints a pass/fail line per input
 * (function-harness.py, mode "calls"). Only passes are taken from a batch. An input that failed, and
 * every input a batch did not report (the process died, hung or ran out of memory on an earlier one),
 * is judged again in a later round: the one the batch was running when it ended, and every failed one,
 * alone in its own fork, exactly as without batching; the unreported rest batched again. So every
 * verdict other than a pass, with its message, traceback or limit, comes from the one-input path, and
 * no input's crash or timeout can hide another's result. A batch that ended before it was ready (the
 * solution did not compile or import) sends all of its inputs to the one-input path.
 *
 * What a batch shares, as EvalPlus' own one process per task does: the solution's module state between
 * the inputs of one batch (each input's arguments are decoded afresh), and the per-test limits, which
 * apply to the batch as a whole (an input it did not reach in time is judged alone with its own).
 */
export const DEFAULT_FUNCTION_CALL_BATCH = 100;
/** A batch's stdin (its specs) stays under this; a bigger input is judged alone. */
const BATCH_INPUT_BYTES = 256 * 1024;
const LINE = /^RLEF-CALLS (\d+) ([PF]) (\d+)$/;

type Unit = { kind: "single"; index: number } | { kind: "batch"; indices: number[] };

/** Runs tests (indices into the list given) in one sandbox, like the engine; results carry those indices. */
export type RunTests = (tests: TestCase[], mode: JudgeMode) => Promise<TestResult[]>;

/** The call tests of a function test set judged in batches, the others one per fork; results in test order. */
export async function judgeFunctionCallBatches(
  tests: readonly TestCase[],
  options: { batchSize: number; mode: JudgeMode },
  runTests: RunTests,
): Promise<TestResult[]> {
  const specs = tests.map(callSpec);
  // nothing to batch (HumanEval's assert tests): the engine as usual, stopping where it stops
  if (options.batchSize <= 1 || specs.filter(Boolean).length < 2) return runTests([...tests], options.mode);
  const resolved = new Map<number, TestResult>();
  const alone = new Set<number>();
  let pending = tests.map((_, i) => i);
  while (pending.length > 0) {
    const units = planUnits(pending, specs, alone, tests, options.batchSize);
    const results = await runTests(
      units.map((unit) => unitTestCase(unit, tests, specs)),
      "all",
    );
    const next: number[] = [];
    units.forEach((unit, u) => {
      const result = results.find((r) => r.index === u);
      if (unit.kind === "single") {
        resolved.set(unit.index, result ? { ...result, index: unit.index } : sandboxErrorResult(unit.index, "no result"));
        return;
      }
      if (!result || result.verdict === "SANDBOX_ERROR") {
        for (const index of unit.indices)
          resolved.set(index, result ? { ...result, index } : sandboxErrorResult(index, "no result from the batch"));
        return;
      }
      const reported = readBatch(result);
      // not ready: the solution did not import; nothing reported: the first input killed it. Either way
      // a batch again would end the same way, so each input is judged alone.
      if (!reported.ready || reported.lines.size === 0) {
        for (const index of unit.indices) alone.add(index);
        next.push(...unit.indices);
        return;
      }
      unit.indices.forEach((index, k) => {
        const line = reported.lines.get(k);
        if (line?.passed) {
          resolved.set(index, passResult(index, line.micros));
          return;
        }
        // a failure, or the input the batch was running when it ended: alone; the unreached rest: batched again
        if (line || k === reported.lines.size) alone.add(index);
        next.push(index);
      });
    });
    pending = next.sort((a, b) => a - b);
    if (options.mode === "stop-on-first-failure") {
      const firstFailure = Math.min(...[...resolved.values()].filter((r) => r.verdict !== "OK").map((r) => r.index));
      pending = pending.filter((i) => i < firstFailure);
    }
  }
  const ordered = [...resolved.values()].sort((a, b) => a.index - b.index);
  if (options.mode === "all") return ordered;
  const stop = ordered.findIndex((r) => r.verdict !== "OK");
  return stop < 0 ? ordered : ordered.slice(0, stop + 1);
}

function planUnits(
  pending: readonly number[],
  specs: (CallSpec | null)[],
  alone: ReadonlySet<number>,
  tests: readonly TestCase[],
  batchSize: number,
): Unit[] {
  const units: Unit[] = [];
  let open: { indices: number[]; bytes: number; key: string } | null = null;
  const close = () => {
    if (open) units.push(open.indices.length === 1 ? { kind: "single", index: open.indices[0] } : { kind: "batch", indices: open.indices });
    open = null;
  };
  for (const index of pending) {
    const spec = specs[index];
    const bytes = tests[index].input.length;
    if (!spec || alone.has(index) || batchSize <= 1 || bytes > BATCH_INPUT_BYTES) {
      close();
      units.push({ kind: "single", index });
      continue;
    }
    // one batch is one program run: the same entry point and prelude throughout
    const key = `${spec.entry}\u0000${spec.prelude}`;
    if (open && (open.key !== key || open.indices.length >= batchSize || open.bytes + bytes > BATCH_INPUT_BYTES)) close();
    open ??= { indices: [], bytes: 0, key };
    open.indices.push(index);
    open.bytes += bytes;
  }
  close();
  return units;
}

type CallSpec = Extract<FunctionTestSpec, { mode: "call" }>;

/** The test's spec when it is a "call" test (import-time harness jobs and asserts are not). */
function callSpec(test: TestCase): CallSpec | null {
  if (!isFunctionTest(test)) return null;
  const parsed = functionTestSpecSchema.safeParse(JSON.parse(test.input));
  return parsed.success && parsed.data.mode === "call" ? parsed.data : null;
}

function unitTestCase(unit: Unit, tests: readonly TestCase[], specs: readonly (CallSpec | null)[]): TestCase {
  if (unit.kind === "single") return tests[unit.index];
  const first = specs[unit.indices[0]]!;
  // the stored specs as they are (their raw JSON arguments untouched), inside one "calls" spec
  const head = JSON.stringify({ rlef: FUNCTION_TEST_TAG, mode: "calls", entry: first.entry, prelude: first.prelude, show: "" });
  return { input: `${head.slice(0, -1)},"tests":[${unit.indices.map((i) => tests[i].input).join(",")}]}`, output: "" };
}

/** A batch's report: whether it got past the solution's import, and the line of each input it finished. */
function readBatch(result: TestResult): { ready: boolean; lines: Map<number, { passed: boolean; micros: number }> } {
  const lines = new Map<number, { passed: boolean; micros: number }>();
  // only the head: a line cut at its end, or beyond it, counts as not reported
  const text = result.stdoutHead.split("\n").slice(0, -1);
  const ready = text[0] === "RLEF-CALLS ready";
  for (const line of text.slice(1)) {
    const match = LINE.exec(line);
    // reports arrive in order; anything else ends what we trust
    if (!match || Number(match[1]) !== lines.size) break;
    lines.set(lines.size, { passed: match[2] === "P", micros: Number(match[3]) });
  }
  return { ready, lines };
}

function passResult(index: number, micros: number): TestResult {
  const { sandboxError: _none, ...blank } = sandboxErrorResult(index, "");
  // CPU time and memory are measured for the whole batch only: left null
  const pass = `${FUNCTION_TEST_PASS}\n`;
  return { ...blank, verdict: "OK", timeMs: micros / 1000, exitCode: 0, stdoutHead: pass, stdoutBytes: pass.length };
}
