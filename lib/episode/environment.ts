import type { TestCase } from "../problems/problem-record";
import type { TestResult } from "../sandbox/types";
import type { EpisodeProblem, FeedbackSource, Verdict } from "./types";
import type { FunctionPromptStyle } from "../function-tasks/templates";

export interface JudgeOutcome {
  verdict: Verdict;
  passed: number;
  total: number;
  tests: TestResult[];
}

export interface JudgeLimits {
  timeLimitMs: number;
  memoryLimitBytes: number;
}

export interface RandomFeedbackRequest {
  problem: EpisodeProblem;
  sampleIndex: number;
  turnIndex: number;
  truncateChars: number;
  /** limits for a donor problem that sets none of its own (the run's defaults) */
  defaultLimits: JudgeLimits;
}

/**
 * What the episode loop needs from the outside world, so the loop itself stays
 * a pure sequence of decisions (lib/episode/run-episode.ts) and tests can
 * drive it with the real sandbox or a scripted one.
 */
export interface EpisodeEnvironment {
  /** never called with an empty test list (runEpisode refuses first: an empty set must not judge OK) */
  judge(code: string, tests: TestCase[], limits: JudgeLimits, mode: "all" | "stop-on-first-failure"): Promise<JudgeOutcome>;
  /**
   * The paper's feedback message for the failing in-loop tests, in test order; with `maxFailures`
   * (App. B.3) only the first that many failures are listed.
   */
  executionFeedback(
    tests: TestCase[],
    outcome: JudgeOutcome,
    truncateChars: number,
    maxFailures?: number,
    style?: FunctionPromptStyle | null,
  ): string;
  /** reply without a code block, on a non-final turn */
  invalidCodeFeedback(): string;
  /** the no-feedback ablation (App. B.5): only "Give it another try." and the instruction */
  retryOnlyFeedback(): string;
  /** the random-feedback ablation (App. C.2): feedback from an unrelated problem's wrong solution */
  randomFeedback?(request: RandomFeedbackRequest): Promise<{ text: string; source: FeedbackSource }>;
}

/** Our fault, not the program's: in an eval the episode is marked errored and excluded (and counted). */
export class SandboxFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SandboxFailure";
  }
}

/**
 * A judgement asked for on no tests at all. An empty list would pass vacuously and hand out +1 for any
 * code (issue: problems without private tests), so it is an error, never OK.
 */
export class EmptyTestSetError extends Error {
  constructor(
    readonly problem: string,
    readonly what: string,
  ) {
    super(`problem ${problem}: no tests to judge ${what} on (an empty test set is never OK)`);
    this.name = "EmptyTestSetError";
  }
}
