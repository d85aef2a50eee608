import type { JudgeRequest } from "./types";

export const DEFAULT_TIME_LIMIT_MS = 10_000;
export const DEFAULT_MEMORY_LIMIT_BYTES = 1024 ** 3;
/**
 * Cap on each of stdout and stderr per test. CodeContests expected outputs are
 * at most a few MB, and 64 MiB matches the file-size limit of DeepMind's
 * reference executor; past it the test ends at once with OUTPUT_LIMIT, so a
 * program printing 1 GB costs ~0.1 s and never more memory than the excerpts.
 */
export const DEFAULT_OUTPUT_LIMIT_BYTES = 64 * 1024 ** 2;
/** RLIMIT_AS is the memory limit plus this, for the interpreter itself (as DeepMind's executor does). */
export const ADDRESS_SPACE_SLACK_BYTES = 32 * 1024 ** 2;
export const FILE_SIZE_LIMIT_BYTES = 64 * 1024 ** 2;
export const TMPFS_BYTES = 64 * 1024 ** 2;
export const SHM_BYTES = 16 * 1024 ** 2;
export const OPEN_FILES_LIMIT = 256;
/**
 * RLIMIT_NPROC counts threads too; counted per sandbox (own user namespace).
 * Small on purpose: tearing down a fork bomb's processes costs kernel time.
 */
export const PROCESS_LIMIT = 64;
/** Grace before Node gives up on an unresponsive sandbox (SANDBOX_ERROR), on top of the time limit. */
export const WATCHDOG_GRACE_MS = 5_000;

export interface ResolvedLimits {
  timeLimitMs: number;
  memoryLimitBytes: number;
  /** RLIMIT_CPU backstop: the wall limit rounded up plus one second (multi-threaded programs are cut by wall time). */
  cpuLimitSeconds: number;
  stdoutLimitBytes: number;
  stderrLimitBytes: number;
  fileSizeLimitBytes: number;
  openFilesLimit: number;
  processLimit: number;
  addressSpaceSlackBytes: number;
}

export function resolveLimits(req: Pick<JudgeRequest, "timeLimitMs" | "memoryLimitBytes" | "outputLimitBytes">): ResolvedLimits {
  const timeLimitMs = positive(req.timeLimitMs, DEFAULT_TIME_LIMIT_MS, "timeLimitMs");
  const output = positive(req.outputLimitBytes, DEFAULT_OUTPUT_LIMIT_BYTES, "outputLimitBytes");
  return {
    timeLimitMs,
    memoryLimitBytes: positive(req.memoryLimitBytes, DEFAULT_MEMORY_LIMIT_BYTES, "memoryLimitBytes"),
    cpuLimitSeconds: Math.ceil(timeLimitMs / 1000) + 1,
    stdoutLimitBytes: output,
    stderrLimitBytes: output,
    fileSizeLimitBytes: FILE_SIZE_LIMIT_BYTES,
    openFilesLimit: OPEN_FILES_LIMIT,
    processLimit: PROCESS_LIMIT,
    addressSpaceSlackBytes: ADDRESS_SPACE_SLACK_BYTES,
  };
}

function positive(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined || value === null) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`JudgeRequest.${field} must be a positive number, got ${value}`);
  return Math.round(value);
}
