import { formatExecutionFeedback, formatNoCodeFeedback, formatNoFeedbackMessage } from "../feedback/format-feedback";
import { judgeSubmission } from "../sandbox/judge-submission";
import type { TestCase } from "../problems/problem-record";
import {
  EmptyTestSetError,
  SandboxFailure,
  type EpisodeEnvironment,
  type JudgeLimits,
  type JudgeOutcome,
  type RandomFeedbackRequest,
} from "./environment";
import { chooseRandomFeedback, type FeedbackDonor } from "./random-feedback";
import { formatFunctionFeedback } from "../function-tasks/function-feedback";
import { isFunctionTestSet } from "../sandbox/function-test";
import type { FunctionPromptStyle } from "../function-tasks/templates";

/** Where the random-feedback ablation takes its donors from (lib/runs/random-feedback-source.ts). */
export type DonorSource = (request: RandomFeedbackRequest) => AsyncIterable<FeedbackDonor> | Iterable<FeedbackDonor>;

/** The real environment: the bubblewrap sandbox and the paper's feedback messages. */
export function createSandboxEnvironment(
  opts: { unsafeNoSandbox?: boolean; donors?: DonorSource; maxDonorTries?: number } = {},
): EpisodeEnvironment {
  const judge = async (
    code: string,
    tests: TestCase[],
    limits: JudgeLimits,
    mode: "all" | "stop-on-first-failure",
  ): Promise<JudgeOutcome> => {
    if (tests.length === 0) throw new EmptyTestSetError("(unknown)", "a program");
    const run = () =>
      judgeSubmission({
        code,
        language: "python3",
        tests,
        mode,
        timeLimitMs: limits.timeLimitMs,
        memoryLimitBytes: limits.memoryLimitBytes,
        unsafeNoSandbox: opts.unsafeNoSandbox,
      });
    // A SANDBOX_ERROR is ours, never the program's: judge once more before the episode is marked errored.
    let result = await run();
    if (result.verdict === "SANDBOX_ERROR" || result.tests.some((t) => t.verdict === "SANDBOX_ERROR")) result = await run();
    return { verdict: result.verdict, passed: result.passed, total: result.total, tests: result.tests };
  };
  const feedback = (
    tests: TestCase[],
    outcome: JudgeOutcome,
    truncateChars: number,
    maxFailures?: number,
    style?: FunctionPromptStyle | null,
  ) => {
    const results = outcome.tests;
    // HumanEval+/MBPP+ (App. C.4/C.5): every in-loop test, successes too
    if (isFunctionTestSet(tests)) {
      return formatFunctionFeedback(
        results.map((result) => ({ input: tests[result.index].input, expectedOutput: tests[result.index].output, result })),
        style ?? "humanevalplus",
        { maxFieldChars: truncateChars },
      );
    }
    // App. B.3: up to `maxFailures` failing tests are shown, the first ones in test order.
    const shown = maxFailures === undefined ? results : results.filter((r) => r.verdict !== "OK").slice(0, maxFailures);
    return formatExecutionFeedback(
      shown.map((result) => ({ input: tests[result.index].input, expectedOutput: tests[result.index].output, result })),
      { maxFieldChars: truncateChars },
    );
  };
  const donors = opts.donors;
  return {
    judge,
    executionFeedback: feedback,
    invalidCodeFeedback: formatNoCodeFeedback,
    retryOnlyFeedback: formatNoFeedbackMessage,
    randomFeedback: donors
      ? async (request: RandomFeedbackRequest) => {
          const { problem } = request;
          const chosen = await chooseRandomFeedback({
            donors: donors(request),
            maxTries: opts.maxDonorTries,
            ownProblem: problem.externalId,
            ownTests: problem.publicTests,
            ownLimits: {
              timeLimitMs: problem.timeLimitMs ?? request.defaultLimits.timeLimitMs,
              memoryLimitBytes: problem.memoryLimitBytes ?? request.defaultLimits.memoryLimitBytes,
            },
            defaultLimits: request.defaultLimits,
            judge: (code, tests, limits) => judge(code, tests, limits, "all"),
          });
          if (chosen.outcome.verdict === "SANDBOX_ERROR" || chosen.outcome.tests.some((t) => t.verdict === "SANDBOX_ERROR")) {
            throw new SandboxFailure(`sandbox error while producing random feedback (${JSON.stringify(chosen.source)})`);
          }
          return { text: feedback(chosen.tests, chosen.outcome, request.truncateChars), source: chosen.source };
        }
      : undefined,
  };
}
