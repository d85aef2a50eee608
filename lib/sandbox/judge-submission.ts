import { z } from "zod";
import { DEFAULT_FUNCTION_CALL_BATCH, judgeFunctionCallBatches } from "./function-call-batches";
import { buildFunctionProgram, isFunctionTestSet } from "./function-test";
import { testCaseSchema } from "../problems/problem-record";
import { requireBwrap } from "./bwrap";
import type { EngineContext } from "./engine-context";
import { runFastEngine } from "./fast-engine";
import { resolveLimits } from "./limits";
import { runPlainEngine } from "./plain-engine";
import { getSandboxPool, type SandboxPool } from "./pool";
import { discoverPythonRuntime } from "./python-runtime";
import { slotResources } from "./slot-resources";
import type { TestCase } from "../problems/problem-record";
import type { JudgeMode, JudgeRequest, JudgeResult, TestResult, Verdict } from "./types";
import { killProcessesOf } from "./uid-processes";

export const judgeRequestSchema = z.object({
  code: z.string(),
  language: z.literal("python3"),
  tests: z.array(testCaseSchema),
  timeLimitMs: z.number().positive().optional(),
  memoryLimitBytes: z.number().positive().optional(),
  outputLimitBytes: z.number().positive().optional(),
  mode: z.enum(["all", "stop-on-first-failure"]),
  engine: z.enum(["fast", "plain"]).optional(),
  unsafeNoSandbox: z.boolean().optional(),
  functionCallBatch: z.number().int().positive().optional(),
});

/** judgeSubmission was asked to judge a program on no tests at all. */
export class EmptyTestListError extends Error {
  constructor() {
    super("no tests to judge on: an empty test set is an error, never OK");
    this.name = "EmptyTestListError";
  }
}

let warnedUnsafe = false;

function warnUnsafe(): void {
  if (warnedUnsafe) return;
  warnedUnsafe = true;
  console.warn(
    "\n[rlef sandbox] !!! UNSAFE: judging untrusted code WITHOUT a sandbox (unsafeNoSandbox / --unsafe-no-sandbox).\n" +
      "[rlef sandbox] !!! The program can read your files and environment and reach the network. Development only.\n",
  );
}

export interface JudgeOptions {
  /** Defaults to the process-wide pool (getSandboxPool()). */
  pool?: SandboxPool;
}

/**
 * Judge one program on a list of tests: run it (fast engine by default), check
 * each stdout against the expected output, and summarise. Throws
 * SandboxUnavailableError when bubblewrap is missing (unless unsafeNoSandbox);
 * failures of the sandbox during a run become SANDBOX_ERROR tests instead.
 */
export async function judgeSubmission(request: JudgeRequest, options: JudgeOptions = {}): Promise<JudgeResult> {
  const req = judgeRequestSchema.parse(request);
  // a vacuous pass would hand out reward for any code (issue 10.4): no tests is an error, never OK
  if (req.tests.length === 0) throw new EmptyTestListError();
  const started = performance.now();
  const sandboxed = !req.unsafeNoSandbox;
  const bwrap = sandboxed ? requireBwrap() : null;
  if (!sandboxed) warnUnsafe();
  const limits = resolveLimits(req);
  const runtime = await discoverPythonRuntime();
  const engineName = req.engine ?? "fast";
  const engine = engineName === "plain" ? runPlainEngine : runFastEngine;
  const pool = options.pool ?? getSandboxPool();
  // Function-call tests (lib/function-tasks) are stdin/stdout tests of a generated program: harness + solution.
  const functionTests = isFunctionTestSet(req.tests);
  const code = functionTests ? buildFunctionProgram(req.code) : req.code;
  const runTests = (tests: TestCase[], mode: JudgeMode) =>
    pool.run(async (slot) => {
      try {
        const resources = await slotResources(slot, runtime.executable);
        // The same headroom as RLIMIT_AS (the interpreter's own pages count too); under
        // the fast engine the supervisor and each test's stdin memfd are in the cgroup as well.
        const stdinBytes = engineName === "fast" ? tests.reduce((most, t) => Math.max(most, Buffer.byteLength(t.input)), 0) : 0;
        resources.cgroup?.apply({
          memoryBytes: limits.memoryLimitBytes + limits.addressSpaceSlackBytes + stdinBytes,
          processes: limits.processLimit,
        });
        const ctx: EngineContext = { slot, code, runtime, bwrap, limits, tests, mode, resources };
        return await engine(ctx);
      } finally {
        // Unsandboxed there is no PID namespace to take a program's daemons
        // down with it; the slot's own uids are what find them (when we are root).
        if (!sandboxed) for (const uid of [slot.uid, slot.testUid]) if (uid !== null) await killProcessesOf(uid);
      }
    });
  // EvalPlus' scoring inputs many to a fork, each with its own verdict (function-call-batches.ts)
  const batchSize = req.functionCallBatch ?? DEFAULT_FUNCTION_CALL_BATCH;
  const tests =
    functionTests && engineName === "fast"
      ? await judgeFunctionCallBatches(req.tests, { batchSize, mode: req.mode }, runTests)
      : await runTests(req.tests, req.mode);
  return summarize(tests, req.tests.length, engineName, sandboxed, performance.now() - started);
}

export function summarize(
  tests: TestResult[],
  total: number,
  engine: JudgeResult["engine"],
  sandboxed: boolean,
  wallMs: number,
): JudgeResult {
  const firstFailure = tests.find((t) => t.verdict !== "OK");
  const verdict: Verdict = firstFailure ? firstFailure.verdict : "OK";
  return {
    verdict,
    passed: tests.filter((t) => t.verdict === "OK").length,
    total,
    tests,
    skipped: total - tests.length,
    engine,
    sandboxed,
    wallMs: Math.round(wallMs * 1000) / 1000,
  };
}
