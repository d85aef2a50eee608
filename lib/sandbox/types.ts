import type { TestCase } from "../problems/problem-record";

/** One verdict per test, docs/method.md §8.4. SANDBOX_ERROR is our fault, never the program's. */
export const VERDICTS = ["OK", "WRONG_ANSWER", "RUNTIME_ERROR", "TIME_LIMIT", "MEMORY_LIMIT", "OUTPUT_LIMIT", "SANDBOX_ERROR"] as const;
export type Verdict = (typeof VERDICTS)[number];

export type JudgeEngine = "fast" | "plain";
export type JudgeMode = "all" | "stop-on-first-failure";

export interface JudgeRequest {
  code: string;
  language: "python3";
  tests: TestCase[];
  /** Wall-clock limit per test; default 10 s (docs/method.md §1.4). */
  timeLimitMs?: number;
  /** Memory limit per test (address space); default 1 GiB. */
  memoryLimitBytes?: number;
  /** Cap on each of stdout and stderr per test; default 64 MiB (see limits.ts). */
  outputLimitBytes?: number;
  mode: JudgeMode;
  /** "fast" (default): one sandbox, fork per test. "plain": fresh `python3 solution.py` per test. */
  engine?: JudgeEngine;
  /** Development only: run without bubblewrap (logged loudly). CLI: --unsafe-no-sandbox. */
  unsafeNoSandbox?: boolean;
  /**
   * Function-call ("call") tests per fork on the fast engine, each with its own verdict
   * (function-call-batches.ts); default 100; 1 = a fork per input.
   */
  functionCallBatch?: number;
}

export interface TestResult {
  /** Position of the test in JudgeRequest.tests. */
  index: number;
  verdict: Verdict;
  /** Wall time of the test's process, fork/spawn to exit. */
  timeMs: number;
  /** User+system CPU of the test's process; null where not measurable (plain engine). */
  cpuMs: number | null;
  /** Peak resident memory (ru_maxrss); null where not measurable (plain engine). */
  peakMemoryBytes: number | null;
  exitCode: number | null;
  /** Signal number that ended the process, if any (e.g. 9 after a time-limit kill). */
  signal: number | null;
  /** First/last 4 KiB of stdout, decoded as UTF-8 with replacement; tail holds only bytes after the head. */
  stdoutHead: string;
  stdoutTail: string;
  stderrHead: string;
  stderrTail: string;
  /** Total bytes the program wrote (counted up to the cap and a chunk past it). */
  stdoutBytes: number;
  stderrBytes: number;
  /** Which stream went past the output cap (OUTPUT_LIMIT), else null. */
  outputLimited: "stdout" | "stderr" | null;
  /** True when head + tail do not hold the whole stream. */
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  /** Why the sandbox failed (SANDBOX_ERROR only). */
  sandboxError?: string;
}

export interface JudgeResult {
  /** First non-OK verdict in test order, or OK. */
  verdict: Verdict;
  passed: number;
  /** Number of tests requested. */
  total: number;
  /**
   * Results of the tests that ran, in test order. In stop-on-first-failure
   * mode the tests after the first failure did not run and are absent; see
   * `skipped`.
   */
  tests: TestResult[];
  skipped: number;
  engine: JudgeEngine;
  sandboxed: boolean;
  wallMs: number;
}
