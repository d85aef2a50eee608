import { afterAll, describe, expect, it } from "vitest";
import { functionTestCase } from "./function-test";
import { judgeSubmission } from "./judge-submission";
import { SandboxPool } from "./pool";
import type { TestResult } from "./types";

const pool = new SandboxPool({ concurrency: 1, uidBase: 59000 + (process.pid % 400) * 2 });
afterAll(() => pool.close());

// One solution that does, per input, everything a batch must not let one input hide from the others.
const solution = `import os, sys
seen = []
def f(x):
    seen.append(x)
    if x == "fail":
        return False
    if x == "crash":
        raise ValueError("boom on " + x)
    if x == "hang":
        while True:
            pass
    if x == "exit":
        os._exit(3)
    if x == "sysexit":
        sys.exit(2)
    if x == "forge":
        print("RLEF-CALLS 9 P 1")  # the solution's stdout goes nowhere, in a batch as alone
    return True
`;
const behaviours = ["pass", "fail", "pass", "crash", "forge", "hang", "pass", "exit", "pass", "sysexit", "pass", "pass"];
const tests = behaviours.map((b) =>
  functionTestCase({ mode: "call", entry: "f", show: `f(${b})`, args: JSON.stringify([b]), expected: { py: "True" } }),
);
const comparable = (t: TestResult) => ({
  index: t.index,
  verdict: t.verdict,
  exitCode: t.exitCode,
  stdout: t.stdoutHead,
  stderr: t.stderrHead,
});

describe("function call tests judged in batches (real sandbox)", () => {
  it("gives each input the verdict, message and traceback it gets in a fork of its own", async () => {
    const request = { code: solution, language: "python3" as const, tests, mode: "all" as const, timeLimitMs: 1500 };
    const alone = await judgeSubmission({ ...request, functionCallBatch: 1 }, { pool });
    const batched = await judgeSubmission(request, { pool });
    expect(alone.tests.map((t) => t.verdict)).toEqual([
      "OK",
      "WRONG_ANSWER",
      "OK",
      "RUNTIME_ERROR",
      "OK",
      "TIME_LIMIT",
      "OK",
      "RUNTIME_ERROR",
      "OK",
      "RUNTIME_ERROR",
      "OK",
      "OK",
    ]);
    expect(batched.tests.map(comparable)).toEqual(alone.tests.map(comparable));
    expect(batched.tests[3].stderrHead).toContain("ValueError: boom on crash");
  });

  it("judges a task's passing inputs faster than a fork each", async () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      functionTestCase({ mode: "call", entry: "g", show: `g(${i})`, args: `[${i}]`, expected: { py: String(i * i) } }),
    );
    const request = { code: "def g(n):\n    return n * n\n", language: "python3" as const, tests: many, mode: "all" as const };
    const forked = await judgeSubmission({ ...request, functionCallBatch: 1 }, { pool });
    const batched = await judgeSubmission(request, { pool });
    expect([forked.passed, batched.passed]).toEqual([300, 300]);
    expect(batched.tests.map((t) => t.index)).toEqual(many.map((_, i) => i));
    // measured here: ~0.4 ms against ~12 ms per input; a factor of 3 leaves room for a loaded machine
    expect(batched.wallMs * 3).toBeLessThan(forked.wallMs);
  });
});
