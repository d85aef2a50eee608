import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { parseProblemObject } from "../lib/problems/parse-problem-object";
import type { ProblemRecord, TestCase } from "../lib/problems/problem-record";
import { bwrapArgs, requireBwrap } from "../lib/sandbox/bwrap";
import { judgeSubmission } from "../lib/sandbox/judge-submission";
import type { SandboxPool } from "../lib/sandbox/pool";
import type { PythonRuntime } from "../lib/sandbox/python-runtime";
import type { JudgeEngine, JudgeResult } from "../lib/sandbox/types";

/** Mean wall ms of `command` run n times in a row (spawned from Node, like the plain engine). */
export async function meanSpawnMs(command: string[], n: number, uid?: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(command[0], command.slice(1), {
        stdio: "ignore",
        env: {} as NodeJS.ProcessEnv,
        cwd: "/",
        ...(uid === undefined ? {} : { uid, gid: uid }),
      });
      child.on("error", reject);
      child.on("exit", () => resolve());
    });
  }
  return (performance.now() - started) / n;
}

/** `python3 -c pass` inside the same bwrap sandbox the plain engine uses. */
export function sandboxedPass(runtime: PythonRuntime, codeDir: string): string[] {
  return [requireBwrap(), ...bwrapArgs({ runtime, codeDir, asPid1: false, command: [runtime.executable, "-c", "pass"] })];
}

export const TRIVIAL_PROGRAM = "print(input())\n";

export function trivialTests(n: number): TestCase[] {
  return Array.from({ length: n }, (_, i) => ({ input: `${i}\n`, output: `${i}\n` }));
}

export interface Throughput {
  tests: number;
  wallMs: number;
  testsPerSecond: number;
  msPerTest: number;
  meanChildCpuMs: number | null;
}

/** `submissions` submissions of `testsEach` trivial tests, all at once through the pool. */
export async function trivialThroughput(
  pool: SandboxPool,
  engine: JudgeEngine,
  submissions: number,
  testsEach: number,
): Promise<Throughput> {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: submissions }, () =>
      judgeSubmission({ code: TRIVIAL_PROGRAM, language: "python3", tests: trivialTests(testsEach), mode: "all", engine }, { pool }),
    ),
  );
  const wallMs = performance.now() - started;
  for (const r of results)
    if (r.verdict !== "OK") throw new Error(`trivial program failed: ${JSON.stringify(r.tests.find((t) => t.verdict !== "OK"))}`);
  const tests = submissions * testsEach;
  const cpu = results.flatMap((r) => r.tests.map((t) => t.cpuMs)).filter((c): c is number => c !== null);
  return {
    tests,
    wallMs,
    testsPerSecond: (tests / wallMs) * 1000,
    msPerTest: wallMs / tests,
    meanChildCpuMs: cpu.length ? cpu.reduce((a, b) => a + b, 0) / cpu.length : null,
  };
}

export function loadDemoProblems(file: string): ProblemRecord[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => parseProblemObject(JSON.parse(line)));
}

export interface DatasetRun {
  submissions: number;
  tests: number;
  wallMs: number;
  results: JudgeResult[];
}

/** Every reference and wrong Python solution of every problem, on all its tests, through the pool. */
export async function judgeDataset(pool: SandboxPool, problems: ProblemRecord[], engine: JudgeEngine): Promise<DatasetRun> {
  const jobs = problems.flatMap((problem) =>
    [...problem.referenceSolutions, ...problem.wrongSolutions]
      .filter((s) => /python/i.test(s.language))
      .map((solution) => ({ problem, code: solution.code })),
  );
  const started = performance.now();
  const results = await Promise.all(
    jobs.map(({ problem, code }) =>
      judgeSubmission(
        {
          code,
          language: "python3",
          tests: [...problem.publicTests, ...problem.privateTests, ...problem.generatedTests],
          timeLimitMs: problem.timeLimitMs ?? undefined,
          memoryLimitBytes: problem.memoryLimitBytes ?? undefined,
          mode: "all",
          engine,
        },
        { pool },
      ),
    ),
  );
  return {
    submissions: jobs.length,
    tests: results.reduce((sum, r) => sum + r.tests.length, 0),
    wallMs: performance.now() - started,
    results,
  };
}

/**
 * Latency of small submissions (RLEF's feedback turns judge 1–7 public tests)
 * arriving one at a time with a pause between them, as model generation leaves.
 */
export async function smallSubmissionLatency(
  pool: SandboxPool,
  engine: JudgeEngine,
  n: number,
  tests: number,
  pauseMs: number,
): Promise<number> {
  let total = 0;
  for (let i = 0; i < n; i++) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const started = performance.now();
    const result = await judgeSubmission(
      { code: TRIVIAL_PROGRAM, language: "python3", tests: trivialTests(tests), mode: "all", engine },
      { pool },
    );
    total += performance.now() - started;
    if (result.verdict !== "OK") throw new Error(`trivial program failed: ${result.verdict}`);
  }
  return total / n;
}
