import { readFile } from "node:fs/promises";
import { Command, Option } from "commander";
import { formatExecutionFeedback } from "../../lib/feedback/format-feedback";
import { resolveProblemRef, selectTests, type ProblemResolver, type TestSelection } from "../../lib/judge/problem-source";
import type { ProblemRecord } from "../../lib/problems/problem-record";
import { judgeSubmission } from "../../lib/sandbox/judge-submission";
import { SandboxPool } from "../../lib/sandbox/pool";
import type { JudgeEngine, JudgeMode, JudgeResult, TestResult } from "../../lib/sandbox/types";

interface JudgeOptions {
  problem: string;
  code: string;
  tests: TestSelection;
  json?: boolean;
  feedback?: boolean;
  unsafeNoSandbox?: boolean;
  engine: JudgeEngine;
  stopOnFirstFailure?: boolean;
}

/**
 * `rlef judge`: run a program on a problem's tests, print per-test verdicts
 * and a summary (JSON with --json), and with --feedback the message the model
 * would get. Exit status: 0 when every test passed, 1 when one failed, 2 when
 * it could not judge (bad problem file, no bubblewrap, ...).
 * `resolveProblem` is the hook for `dataset:name/problem-id` (needs the database).
 */
export function judgeCommand(options: { resolveProblem?: ProblemResolver } = {}): Command {
  return new Command("judge")
    .description("judge a Python program on a problem's tests in the sandbox")
    .requiredOption("--problem <ref>", "problem JSON file (a CodeContests row as published) or dataset:<name>/<problem-id>")
    .requiredOption("--code <file.py>", "the program to judge")
    .addOption(new Option("--tests <set>", "which tests").choices(["public", "private", "all"]).default("all"))
    .addOption(
      new Option("--engine <engine>", "fast: one sandbox, fork per test; plain: fresh python3 per test")
        .choices(["fast", "plain"])
        .default("fast"),
    )
    .option("--stop-on-first-failure", "stop at the first failing test (the final judge's mode)")
    .option("--json", "print the result as JSON")
    .option("--feedback", "also print the execution feedback the model would get (from the public tests)")
    .option("--unsafe-no-sandbox", "DEVELOPMENT ONLY: run the program without bubblewrap isolation")
    .action(async (opts: JudgeOptions) => {
      try {
        process.exitCode = await runJudge(opts, options.resolveProblem);
      } catch (err) {
        // Bad input, a missing bwrap: say what, without a stack trace.
        console.error(`rlef judge: ${(err as Error).message}`);
        process.exitCode = 2;
      }
    });
}

async function runJudge(opts: JudgeOptions, resolveProblem?: ProblemResolver): Promise<number> {
  const problem = await resolveProblemRef(opts.problem, resolveProblem);
  const code = await readFile(opts.code, "utf8");
  const mode: JudgeMode = opts.stopOnFirstFailure ? "stop-on-first-failure" : "all";
  // One-shot: no standby sandbox to keep warm for a next submission.
  const pool = new SandboxPool({ prewarm: false });
  const judge = (which: TestSelection, judgeMode: JudgeMode) =>
    judgeSubmission(
      {
        code,
        language: "python3",
        tests: selectTests(problem, which),
        timeLimitMs: problem.timeLimitMs ?? undefined,
        memoryLimitBytes: problem.memoryLimitBytes ?? undefined,
        mode: judgeMode,
        engine: opts.engine,
        unsafeNoSandbox: opts.unsafeNoSandbox,
      },
      { pool },
    );
  const result = await judge(opts.tests, mode);
  let feedback: string | null | undefined;
  if (opts.feedback) {
    const publicResult = opts.tests !== "private" && mode === "all" ? result : await judge("public", "all");
    feedback = feedbackFor(problem, publicResult);
  }
  if (opts.json) {
    console.log(JSON.stringify({ problem: problem.name, tests: opts.tests, result, ...(opts.feedback ? { feedback } : {}) }, null, 2));
  } else {
    printResult(problem, opts.tests, result);
    if (opts.feedback) {
      console.log("\n--- feedback ---");
      console.log(feedback ?? "(every public test passed: no feedback, the episode would end here)");
    }
  }
  return result.verdict === "OK" ? 0 : 1;
}

/** Public tests come first in every selection, so result.tests[i] is public test i. */
function feedbackFor(problem: ProblemRecord, publicResult: JudgeResult): string | null {
  const items = publicResult.tests
    .filter((t) => t.index < problem.publicTests.length)
    .map((result) => ({
      input: problem.publicTests[result.index].input,
      expectedOutput: problem.publicTests[result.index].output,
      result,
    }));
  if (items.every((i) => i.result.verdict === "OK")) return null;
  return formatExecutionFeedback(items);
}

function setName(problem: ProblemRecord, which: TestSelection, index: number): string {
  if (which !== "all") return `${which} ${index}`;
  const nPublic = problem.publicTests.length;
  const nPrivate = problem.privateTests.length;
  if (index < nPublic) return `public ${index}`;
  if (index < nPublic + nPrivate) return `private ${index - nPublic}`;
  return `generated ${index - nPublic - nPrivate}`;
}

function printResult(problem: ProblemRecord, which: TestSelection, result: JudgeResult): void {
  console.log(`${problem.name} (${which} tests, ${result.engine} engine${result.sandboxed ? "" : ", UNSANDBOXED"})`);
  for (const test of result.tests) console.log(formatTestLine(setName(problem, which, test.index), test));
  const skipped = result.skipped ? `, ${result.skipped} not run (stopped at the first failure)` : "";
  console.log(`${result.verdict}: ${result.passed}/${result.total} passed${skipped} in ${Math.round(result.wallMs)} ms`);
}

function formatTestLine(name: string, t: TestResult): string {
  const parts = [name.padEnd(14), t.verdict.padEnd(14), `${t.timeMs.toFixed(1)} ms`.padStart(10)];
  if (t.cpuMs !== null) parts.push(`cpu ${t.cpuMs.toFixed(1)} ms`);
  if (t.peakMemoryBytes !== null) parts.push(`mem ${(t.peakMemoryBytes / 1024 ** 2).toFixed(1)} MiB`);
  if (t.exitCode !== null && t.exitCode !== 0) parts.push(`exit ${t.exitCode}`);
  if (t.signal !== null) parts.push(`signal ${t.signal}`);
  if (t.sandboxError) parts.push(`(${t.sandboxError})`);
  return parts.join("  ");
}
