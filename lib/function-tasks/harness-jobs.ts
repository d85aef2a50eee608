import { createHash } from "node:crypto";
import { judgeSubmission, type JudgeOptions } from "../sandbox/judge-submission";
import { getSandboxPool } from "../sandbox/pool";
import type { TestResult } from "../sandbox/types";
import { FUNCTION_TEST_TAG } from "../sandbox/function-test";

/**
 * Import-time work that must happen inside the sandbox (parsing test code with Python's ast, running a
 * reference solution, unpickling): each job is one test of the harness program. We only see 8 KiB of a
 * test's stdout, so the harness prints `RLEF-CHUNK <length> <sha256>` and one slice; longer results are
 * fetched slice by slice in a second submission and checked against the digest (a reference whose output
 * changes between runs is refused, never stored half-right).
 */
export type HarnessJob = Record<string, unknown> & { mode: "split" | "record" | "unpickle" };

export class HarnessJobError extends Error {
  constructor(
    readonly job: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = "HarnessJobError";
  }
}

export interface HarnessJobOptions extends JudgeOptions {
  timeLimitMs?: number;
  memoryLimitBytes?: number;
  unsafeNoSandbox?: boolean;
}

const CHUNK = 6000;

/** Every job's result text; throws HarnessJobError (with the job's index) at the first job that failed. */
export async function runHarnessJobs(jobs: HarnessJob[], options: HarnessJobOptions = {}): Promise<string[]> {
  const settled = await runHarnessJobsSettled(jobs, options);
  return settled.map((result) => {
    if (result instanceof HarnessJobError) throw result;
    return result;
  });
}

/** Every job's result text, or the HarnessJobError saying why that job failed. */
export async function runHarnessJobsSettled(jobs: HarnessJob[], options: HarnessJobOptions = {}): Promise<(string | HarnessJobError)[]> {
  if (jobs.length === 0) return [];
  const first = await runSlices(
    jobs.map((job) => ({ ...job, offset: 0, chunk: CHUNK })),
    options,
  );
  const results: (string | HarnessJobError)[] = first.map((slice, job) =>
    slice instanceof HarnessJobError ? new HarnessJobError(job, slice.detail) : slice.text,
  );
  // A record job past one slice whose parts (one line per input) are known: the rest comes from sub-jobs
  // over only the inputs it covers, each one slice (or one input sliced alone), instead of running the whole
  // batch again per slice (HumanEval/139: 771 s for 131 inputs that way).
  const narrowed = new Map<number, { kept: string[]; subs: number[] }>();
  const subJobs: HarnessJob[] = [];
  first.forEach((slice, job) => {
    const inputs = jobs[job].inputs;
    if (slice instanceof HarnessJobError || slice.text.length === slice.length || !slice.parts) return;
    if (!Array.isArray(inputs) || inputs.length !== slice.parts.length) return;
    const kept: string[] = [];
    let at = 0;
    while (kept.length < slice.parts.length && at + slice.parts[kept.length] <= slice.text.length) {
      kept.push(slice.text.slice(at, at + slice.parts[kept.length]));
      at += slice.parts[kept.length - 1] + 1;
    }
    const subs: number[] = [];
    for (let i = kept.length; i < inputs.length;) {
      let j = i + 1;
      let size = slice.parts[i];
      while (j < inputs.length && size + 1 + slice.parts[j] <= CHUNK) size += 1 + slice.parts[j++];
      subs.push(subJobs.length);
      subJobs.push({ ...jobs[job], inputs: inputs.slice(i, j) });
      i = j;
    }
    narrowed.set(job, { kept, subs });
  });
  const subResults = await runHarnessJobsSettled(subJobs, options);
  for (const [job, { kept, subs }] of narrowed) {
    const failed = subs.map((i) => subResults[i]).find((r) => r instanceof HarnessJobError);
    results[job] = failed ? new HarnessJobError(job, failed.detail) : [...kept, ...subs.map((i) => subResults[i] as string)].join("\n");
  }
  const more: { job: number; offset: number }[] = [];
  first.forEach((slice, job) => {
    if (slice instanceof HarnessJobError || narrowed.has(job)) return;
    for (let offset = CHUNK; offset < slice.length; offset += CHUNK) more.push({ job, offset });
  });
  if (more.length > 0) {
    const rest = await runSlices(
      more.map(({ job, offset }) => ({ ...jobs[job], offset, chunk: CHUNK })),
      options,
    );
    rest.forEach((slice, i) => {
      const { job, offset } = more[i];
      const sofar = results[job];
      if (sofar instanceof HarnessJobError) return;
      const head = first[job] as Slice;
      if (slice instanceof HarnessJobError) results[job] = new HarnessJobError(job, slice.detail);
      else if (slice.digest !== head.digest)
        results[job] = new HarnessJobError(job, "the result changed between two runs (a nondeterministic reference?)");
      else if (sofar.length !== offset) results[job] = new HarnessJobError(job, "result slices out of order");
      else results[job] = sofar + slice.text;
    });
  }
  return results.map((text, job) => {
    if (text instanceof HarnessJobError) return text;
    const head = first[job] as Slice;
    const digest = createHash("sha256").update(text, "latin1").digest("hex");
    return text.length !== head.length || digest !== head.digest ? new HarnessJobError(job, "incomplete result") : text;
  });
}

interface Slice {
  length: number;
  digest: string;
  text: string;
  /** the lengths of the result's newline-separated parts (record mode: one per input), when printed */
  parts?: number[];
}

/** The specs split into one contiguous part per pool slot, judged at once. */
async function runSlices(specs: Record<string, unknown>[], options: HarnessJobOptions): Promise<(Slice | HarnessJobError)[]> {
  const parts = Math.max(1, Math.min(specs.length, (options.pool ?? getSandboxPool()).concurrency));
  const size = Math.ceil(specs.length / parts);
  const groups = await Promise.all(
    Array.from({ length: parts }, (_, i) => runSliceGroup(specs.slice(i * size, (i + 1) * size), i * size, options)),
  );
  return groups.flat();
}

async function runSliceGroup(
  specs: Record<string, unknown>[],
  first: number,
  options: HarnessJobOptions,
): Promise<(Slice | HarnessJobError)[]> {
  if (specs.length === 0) return [];
  const result = await judgeSubmission(
    {
      code: "",
      language: "python3",
      tests: specs.map((spec) => ({ input: JSON.stringify({ rlef: FUNCTION_TEST_TAG, ...spec }), output: "" })),
      mode: "all",
      timeLimitMs: options.timeLimitMs ?? 60_000,
      memoryLimitBytes: options.memoryLimitBytes ?? 4 * 1024 ** 3,
      unsafeNoSandbox: options.unsafeNoSandbox,
    },
    { pool: options.pool },
  );
  return result.tests.map((test) => parseSlice(test, first + test.index));
}

function parseSlice(test: TestResult, job: number): Slice | HarnessJobError {
  const stdout = test.stdoutHead + test.stdoutTail;
  const match = /^RLEF-CHUNK (\d+) ([0-9a-f]{64})(?: ([0-9,]+))?\n/.exec(stdout);
  if (test.verdict === "SANDBOX_ERROR") return new HarnessJobError(job, `sandbox error: ${test.sandboxError ?? "unknown"}`);
  if (!match || test.stdoutTruncated || test.exitCode !== 0) {
    const stderr = (test.stderrHead + test.stderrTail).trim().split("\n").slice(-6).join("\n");
    const how =
      test.verdict === "TIME_LIMIT" ? "took too long" : test.verdict === "MEMORY_LIMIT" ? "ran out of memory" : `failed (${test.verdict})`;
    return new HarnessJobError(job, `${how}${stderr ? `: ${stderr}` : ""}`);
  }
  const body = stdout.slice(match[0].length);
  const parts = match[3] === undefined ? undefined : match[3].split(",").map(Number);
  return { length: Number(match[1]), digest: match[2], text: body.endsWith("\n") ? body.slice(0, -1) : body, parts };
}
