import type { CheckResult } from "../judge/checker";
import type { ResolvedLimits } from "./limits";
import type { OutputCapture } from "./output-capture";
import type { TestResult, Verdict } from "./types";

const SIGKILL = 9;
const SIGXCPU = 24;

/** What one engine observed about one test run, before judging. */
export interface RunObservation {
  index: number;
  timeMs: number;
  cpuMs: number | null;
  peakMemoryBytes: number | null;
  exitCode: number | null;
  signal: number | null;
  timedOut: boolean;
  outputLimited: "stdout" | "stderr" | null;
  /** The slot's memory cgroup hit its limit (the kernel OOM-killed one of the test's processes). */
  memoryLimitHit?: boolean;
  stdout: OutputCapture;
  stderr: OutputCapture;
}

function lastLine(text: string): string {
  const lines = text.trimEnd().split("\n");
  return lines[lines.length - 1] ?? "";
}

/**
 * Verdict precedence: output cap, then the memory cgroup's OOM kill, then
 * time, then memory, then crash, then the checker. TIME_LIMIT whenever the
 * measured wall or CPU time is past the limit, whoever noticed (a program that
 * exits just after its deadline but before the supervisor woke up included).
 * MEMORY_LIMIT when the cgroup's limit was hit, the program died of a
 * MemoryError (RLIMIT_AS makes allocations fail) or was SIGKILLed (not by us)
 * near the limit.
 */
export function classifyVerdict(run: RunObservation, limits: ResolvedLimits, check: () => CheckResult): Verdict {
  if (run.outputLimited !== null) return "OUTPUT_LIMIT";
  if (run.memoryLimitHit) return "MEMORY_LIMIT";
  const overTime = run.timeMs > limits.timeLimitMs || (run.cpuMs !== null && run.cpuMs > limits.timeLimitMs);
  if (run.timedOut || run.signal === SIGXCPU || overTime) return "TIME_LIMIT";
  const failed = run.exitCode !== 0 || run.signal !== null;
  if (failed) {
    const stderrEnd = run.stderr.truncated ? run.stderr.tailText() : run.stderr.headText() + run.stderr.tailText();
    if (/^MemoryError\b/.test(lastLine(stderrEnd))) return "MEMORY_LIMIT";
    if (run.signal === SIGKILL && run.peakMemoryBytes !== null && run.peakMemoryBytes >= 0.9 * limits.memoryLimitBytes) {
      return "MEMORY_LIMIT";
    }
    return "RUNTIME_ERROR";
  }
  return check().ok ? "OK" : "WRONG_ANSWER";
}

export function toTestResult(run: RunObservation, verdict: Verdict, sandboxError?: string): TestResult {
  return {
    index: run.index,
    verdict,
    timeMs: Math.round(run.timeMs * 1000) / 1000,
    cpuMs: run.cpuMs,
    peakMemoryBytes: run.peakMemoryBytes,
    exitCode: run.exitCode,
    signal: run.signal,
    stdoutHead: run.stdout.headText(),
    stdoutTail: run.stdout.tailText(),
    stderrHead: run.stderr.headText(),
    stderrTail: run.stderr.tailText(),
    stdoutBytes: run.stdout.bytes,
    stderrBytes: run.stderr.bytes,
    outputLimited: run.outputLimited,
    stdoutTruncated: run.stdout.truncated,
    stderrTruncated: run.stderr.truncated,
    ...(sandboxError ? { sandboxError } : {}),
  };
}

/** A test the sandbox could not run or report: never the program's fault. */
export function sandboxErrorResult(index: number, reason: string, timeMs = 0): TestResult {
  return {
    index,
    verdict: "SANDBOX_ERROR",
    timeMs,
    cpuMs: null,
    peakMemoryBytes: null,
    exitCode: null,
    signal: null,
    stdoutHead: "",
    stdoutTail: "",
    stderrHead: "",
    stderrTail: "",
    stdoutBytes: 0,
    stderrBytes: 0,
    outputLimited: null,
    stdoutTruncated: false,
    stderrTruncated: false,
    sandboxError: reason,
  };
}
