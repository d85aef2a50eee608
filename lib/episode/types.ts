import type { TestCase } from "../problems/problem-record";
import type { ChatMessage, TokenData } from "../policy/types";
import type { ExtractionRule } from "./extract-code";
import { VERDICTS, type TestResult, type Verdict } from "../sandbox/types";
import type { FunctionPromptStyle } from "../function-tasks/templates";

/** What the environment needs of a problem (heavy fields included: only the worker loads this). */
export interface EpisodeProblem {
  id: string;
  externalId: string;
  description: string;
  publicTests: TestCase[];
  privateTests: TestCase[];
  generatedTests: TestCase[];
  timeLimitMs: number | null;
  memoryLimitBytes: number | null;
  /** HumanEval+/MBPP+ templates (lib/function-tasks/templates.ts); absent or null: CodeContests */
  promptStyle?: FunctionPromptStyle | null;
}

export type { Verdict } from "../sandbox/types";

/** The sandbox's verdicts plus INVALID_CODE: a reply with no code to run. */
export const PUBLIC_VERDICTS = [...VERDICTS, "INVALID_CODE"] as const;

/** A turn's in-loop-test outcome; INVALID_CODE when the reply had no extractable code. */
export type PublicVerdict = (typeof PUBLIC_VERDICTS)[number];

export interface RewardParts {
  terminal: number;
  invalidCode: number;
  kl: number;
  total: number;
}

/**
 * Why an episode ended other than by the loop's own rules. The model's fault (it is scored, as a
 * failure): "context_length_exceeded" — the endpoint refused the conversation as longer than the
 * model's context. Infrastructure, in training only (an eval excludes it): "sandbox_error" — the
 * attempt could not be judged and is kept as a failed attempt with its reason.
 */
export const EPISODE_END_REASONS = ["context_length_exceeded", "sandbox_error"] as const;
export type EpisodeEndReason = (typeof EPISODE_END_REASONS)[number];

/** Where a turn's feedback came from when it is not the turn's own execution (the random-feedback ablation). */
export type FeedbackSource =
  { kind: "donor"; problem: string; solution: number; tries: number } | { kind: "not-implemented"; problem: string | null; tries: number };

/** One turn as the engine produced it; persisted as it happens. */
export interface TurnRecord {
  index: number;
  messages: ChatMessage[];
  reply: string;
  code: string | null;
  extractionRule: ExtractionRule;
  publicVerdict: PublicVerdict;
  publicPassed: number;
  publicTotal: number;
  /** per in-loop test results as the judge returned them */
  testResults: TestResult[];
  feedback: string | null;
  rewardParts: RewardParts;
  promptTokens?: number;
  completionTokens?: number;
  latencyMs?: number;
  tokenData?: TokenData;
  /** the endpoint's finish_reason; "length" = the reply was cut at max tokens (the model's failure, scored) */
  finishReason?: string;
  /** set when the feedback did not come from this turn's own execution (random-feedback ablation) */
  feedbackSource?: FeedbackSource;
  /** set on the submission turn: the final judgement */
  final?: SubmissionResult;
}

/** The submission judged on the run's hidden test set (stop at the first failure), or why it could not be. */
export interface SubmissionResult {
  solved: boolean;
  /** CONTEXT_LENGTH_EXCEEDED: no submission could be judged, the endpoint refused the conversation */
  verdict: Verdict | "CONTEXT_LENGTH_EXCEEDED";
  results: TestResult[];
  passed: number;
  total: number;
  /** set when the episode ended for a reason other than the loop's rules */
  endedBy?: EpisodeEndReason;
  /** the reason in words (the endpoint's or the sandbox's message) */
  reason?: string;
}

/** What one played episode produced: its turns and what they add up to (metrics read EpisodeOutcome). */
export interface EpisodeResult {
  turns: TurnRecord[];
  solved: boolean;
  passedPublic: boolean;
  finalReward: number;
  invalidCode: boolean;
  firstErrorKind: PublicVerdict | null;
  solvedAtTurn: number | null;
  /** null when the episode ended by the loop's own rules */
  endReason: EpisodeEndReason | null;
}
