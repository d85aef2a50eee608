import { describe, expect, it } from "vitest";
import { sandboxErrorResult } from "./classify-verdict";
import { judgeFunctionCallBatches } from "./function-call-batches";
import { functionTestCase } from "./function-test";
import type { TestCase } from "../problems/problem-record";
import type { JudgeMode, TestResult, Verdict } from "./types";

// The harness simulated: each call test's argument says what the solution does on it.
type Behaviour = "pass" | "fail" | "crash" | "hang" | "exit";
const call = (behaviour: Behaviour, entry = "f") =>
  functionTestCase({ mode: "call", entry, show: behaviour, args: JSON.stringify([behaviour]), expected: { py: "True" } });
const assertTest = functionTestCase({ mode: "assert", entry: "f", show: "assert f('pass')", code: "_rlef_tc.assertTrue(f('pass'))" });

const ALONE: Record<Behaviour, Verdict> = {
  pass: "OK",
  fail: "WRONG_ANSWER",
  crash: "RUNTIME_ERROR",
  hang: "TIME_LIMIT",
  exit: "RUNTIME_ERROR",
};

function result(index: number, verdict: Verdict, stdout = ""): TestResult {
  const base = sandboxErrorResult(index, "");
  return { ...base, verdict, sandboxError: undefined, exitCode: verdict === "OK" ? 0 : 1, stdoutHead: stdout, stdoutBytes: stdout.length };
}

/** A fake engine: a single test gets its verdict alone; a batch reports inputs until one hangs or exits. */
function engine(options: { importFails?: boolean } = {}) {
  const runs: { tests: number; batches: number[] }[] = [];
  const run = (tests: TestCase[], mode: JudgeMode): Promise<TestResult[]> => {
    expect(mode).toBe("all");
    runs.push({ tests: tests.length, batches: [] });
    return Promise.resolve(
      tests.map((test, index) => {
        const spec = JSON.parse(test.input) as { mode: string; args?: string; tests?: { args: string }[] };
        if (spec.mode !== "calls") {
          const behaviour = spec.mode === "assert" ? "pass" : (JSON.parse(spec.args!) as [Behaviour])[0];
          return result(index, options.importFails ? "RUNTIME_ERROR" : ALONE[behaviour]);
        }
        runs.at(-1)!.batches.push(spec.tests!.length);
        if (options.importFails) return result(index, "RUNTIME_ERROR");
        const lines = ["RLEF-CALLS ready"];
        for (const [k, t] of spec.tests!.entries()) {
          const behaviour = (JSON.parse(t.args) as [Behaviour])[0];
          if (behaviour === "hang") return result(index, "TIME_LIMIT", lines.join("\n") + "\n");
          if (behaviour === "exit") return result(index, "RUNTIME_ERROR", lines.join("\n") + "\n");
          lines.push(`RLEF-CALLS ${k} ${behaviour === "pass" ? "P" : "F"} 120`);
        }
        return result(index, "WRONG_ANSWER", lines.join("\n") + "\n");
      }),
    );
  };
  return { run, runs };
}

const verdicts = (results: TestResult[]) => results.map((r) => [r.index, r.verdict]);

describe("judgeFunctionCallBatches", () => {
  it("judges a passing task's inputs many to a fork, one verdict each", async () => {
    const tests = [assertTest, ...Array.from({ length: 250 }, () => call("pass"))];
    const { run, runs } = engine();
    const results = await judgeFunctionCallBatches(tests, { batchSize: 100, mode: "all" }, run);
    expect(results).toHaveLength(251);
    expect(results.every((r, i) => r.index === i && r.verdict === "OK")).toBe(true);
    expect(results[1]).toMatchObject({ stdoutHead: "RLEF-FUNCTION-TEST PASS\n", timeMs: 0.12, cpuMs: null });
    // one sandbox: the assert alone, then 100 + 100 + 50 inputs in three forks
    expect(runs).toEqual([{ tests: 4, batches: [100, 100, 50] }]);
  });

  it("gives every input the verdict it gets alone: failures, crashes, hangs and exits never hide the others", async () => {
    const behaviours: Behaviour[] = ["pass", "fail", "pass", "crash", "pass", "hang", "pass", "pass", "exit", "pass", "pass"];
    const tests = behaviours.map((b) => call(b));
    const { run, runs } = engine();
    const results = await judgeFunctionCallBatches(tests, { batchSize: 100, mode: "all" }, run);
    expect(verdicts(results)).toEqual(behaviours.map((b, i) => [i, ALONE[b]]));
    // round 1: one batch to the hang; round 2: fail and crash alone, the hang alone, the rest batched to the exit; …
    expect(runs[0]).toEqual({ tests: 1, batches: [11] });
    console.log(JSON.stringify(runs));
  });

  it("judges alone every input of a batch whose solution did not import", async () => {
    const tests = Array.from({ length: 5 }, () => call("pass"));
    const { run, runs } = engine({ importFails: true });
    const results = await judgeFunctionCallBatches(tests, { batchSize: 100, mode: "all" }, run);
    expect(results.map((r) => r.verdict)).toEqual(Array(5).fill("RUNTIME_ERROR"));
    expect(runs).toEqual([
      { tests: 1, batches: [5] },
      { tests: 5, batches: [] },
    ]);
  });

  it("stops after the first failure in test order when asked to", async () => {
    const behaviours: Behaviour[] = ["pass", "pass", "fail", "pass", "crash"];
    const { run } = engine();
    const results = await judgeFunctionCallBatches(
      behaviours.map((b) => call(b)),
      { batchSize: 100, mode: "stop-on-first-failure" },
      run,
    );
    expect(verdicts(results)).toEqual([
      [0, "OK"],
      [1, "OK"],
      [2, "WRONG_ANSWER"],
    ]);
  });

  it("keeps a batch to one entry point, and batch size 1 is a fork per input", async () => {
    const tests = [call("pass", "f"), call("pass", "f"), call("pass", "g"), call("pass", "g")];
    const first = engine();
    await judgeFunctionCallBatches(tests, { batchSize: 100, mode: "all" }, first.run);
    expect(first.runs).toEqual([{ tests: 2, batches: [2, 2] }]);
    const single = engine();
    const results = await judgeFunctionCallBatches(tests, { batchSize: 1, mode: "all" }, single.run);
    expect(single.runs).toEqual([{ tests: 4, batches: [] }]);
    expect(results.map((r) => r.verdict)).toEqual(["OK", "OK", "OK", "OK"]);
  });
});
