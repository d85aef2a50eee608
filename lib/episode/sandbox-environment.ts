import { formatExecutionFeedback, formatNoCodeFeedback, formatNoFeedbackMessage } from "../feedback";
import { judgeSubmission } from "../sandbox";
import type { EpisodeEnvironment, JudgeLimits, JudgeOutcome } from "./environment";
import type { TestCase } from "../problems/problem-record";
import type { EpisodeProblem } from "./types";

/** Where the random-feedback ablation takes its foreign failures from (lib/runs/random-feedback-source.ts). */
export type ForeignAttemptSource = (problemId: string, sampleIndex: number, turnIndex: number) => { code: string; tests: TestCase[] } | null;

// The paper runs this when no wrong solution of an unrelated problem fails its tests.
const NOT_IMPLEMENTED = "raise NotImplementedError()";

/** The real environment: the bubblewrap sandbox and the paper's feedback messages. */
export function createSandboxEnvironment(opts: { unsafeNoSandbox?: boolean; foreignAttempts?: ForeignAttemptSource } = {}): EpisodeEnvironment {
  const judge = async (code: string, tests: TestCase[], limits: JudgeLimits, mode: "all" | "stop-on-first-failure"): Promise<JudgeOutcome> => {
    const run = () => judgeSubmission({
      code, language: "python3", tests, mode,
      timeLimitMs: limits.timeLimitMs, memoryLimitBytes: limits.memoryLimitBytes,
      unsafeNoSandbox: opts.unsafeNoSandbox,
    });
    // A SANDBOX_ERROR is ours, never the program's: judge once more before the episode is marked errored.
    let result = await run();
    if (result.verdict === "SANDBOX_ERROR" || result.tests.some((t) => t.verdict === "SANDBOX_ERROR")) result = await run();
    return { verdict: result.verdict, passed: result.passed, total: result.total, tests: result.tests };
  };
  const feedback = (tests: TestCase[], outcome: JudgeOutcome, truncateChars: number) =>
    formatExecutionFeedback(
      outcome.tests.map((result) => ({
        input: tests[result.index].input, expectedOutput: tests[result.index].output, result,
      })),
      { maxFieldChars: truncateChars },
    );
  return {
    judge,
    executionFeedback: feedback,
    invalidCodeFeedback: formatNoCodeFeedback,
    retryOnlyFeedback: formatNoFeedbackMessage,
    randomFeedback: opts.foreignAttempts
      ? async (problem: EpisodeProblem, sampleIndex: number, turnIndex: number, truncateChars: number) => {
          const foreign = opts.foreignAttempts!(problem.id, sampleIndex, turnIndex);
          const tests = foreign?.tests ?? problem.publicTests;
          const limits = { timeLimitMs: problem.timeLimitMs ?? 10_000, memoryLimitBytes: problem.memoryLimitBytes ?? 1024 ** 3 };
          let outcome = foreign ? await judge(foreign.code, tests, limits, "all") : null;
          if (!outcome || outcome.verdict === "OK") outcome = await judge(NOT_IMPLEMENTED, tests, limits, "all");
          return feedback(tests, outcome, truncateChars);
        }
      : undefined,
  };
}
