import type { TestCase } from "../problems/problem-record";
import type { TestResult } from "../sandbox/types";
import type { EpisodeProblem, Verdict } from "./types";

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

/**
 * What the episode loop needs from the outside world, so the loop itself stays
 * a pure sequence of decisions (lib/episode/run-episode.ts) and tests can
 * drive it with the real sandbox or a scripted one.
 */
export interface EpisodeEnvironment {
  judge(code: string, tests: TestCase[], limits: JudgeLimits, mode: "all" | "stop-on-first-failure"): Promise<JudgeOutcome>;
  /** the paper's feedback message for the failing public tests */
  executionFeedback(tests: TestCase[], outcome: JudgeOutcome, truncateChars: number): string;
  /** reply without a code block, on a non-final turn */
  invalidCodeFeedback(): string;
  /** the no-feedback ablation: only "Give it another try." and the instruction */
  retryOnlyFeedback(): string;
  /** the random-feedback ablation: feedback from an unrelated problem's wrong solution */
  randomFeedback?(problem: EpisodeProblem, sampleIndex: number, turnIndex: number, truncateChars: number): Promise<string>;
}

/** Our fault, not the program's: the episode is marked errored, never rewarded or punished. */
export class SandboxFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SandboxFailure";
  }
}
