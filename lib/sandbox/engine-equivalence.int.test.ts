import { afterAll, describe, expect, it } from "vitest";
import { EQUIVALENCE_PROGRAMS, IDIOM_PROGRAMS } from "./equivalence-programs";
import { judgeSubmission } from "./judge-submission";
import { SandboxPool } from "./pool";
import type { TestResult } from "./types";

const pool = new SandboxPool({ concurrency: 2, uidBase: 60000 + (process.pid % 1000) * 2 });
afterAll(() => pool.close()); // stop the standby sandboxes (and their work dirs)

/**
 * Object addresses in reprs ("<function f at 0x7f...>") differ between any
 * two runs of the same interpreter: the only rewrite before comparing.
 */
const withoutAddresses = (text: string) => text.replace(/ at 0x[0-9a-f]+>/g, " at 0x…>");

/** Everything a program can observably produce; times and rusage aside. */
function observable(t: TestResult) {
  return {
    verdict: t.verdict,
    exitCode: t.exitCode,
    signal: t.signal,
    stdout: t.stdoutHead + t.stdoutTail,
    stderr: withoutAddresses(t.stderrHead + t.stderrTail),
    stdoutBytes: t.stdoutBytes,
  };
}

describe("fast engine ≡ plain `python3 solution.py`", () => {
  it.concurrent.each([...EQUIVALENCE_PROGRAMS, ...IDIOM_PROGRAMS].map((p) => [p.name, p] as const))("%s", async (_, program) => {
    const request = {
      code: program.code,
      language: "python3" as const,
      tests: program.inputs.map((input) => ({ input, output: program.output ?? "" })),
      mode: "all" as const,
      timeLimitMs: 10_000,
      memoryLimitBytes: 512 * 1024 ** 2,
    };
    const fast = await judgeSubmission({ ...request, engine: "fast" }, { pool });
    const plain = await judgeSubmission({ ...request, engine: "plain" }, { pool });
    expect(fast.tests.map(observable)).toEqual(plain.tests.map(observable));
    expect(fast.tests.every((t) => t.verdict !== "SANDBOX_ERROR")).toBe(true);
  });
});
