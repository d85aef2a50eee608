import type { TestCase } from "../problems/problem-record";
import type { ChatMessage, TokenData } from "../policy/types";
import type { ExtractionRule } from "./extract-code";

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
}

import { VERDICTS, type TestResult, type Verdict } from "../sandbox/types";
export type { Verdict } from "../sandbox/types";

/** The sandbox's verdicts plus INVALID_CODE: a reply with no code to run. */
export const PUBLIC_VERDICTS = [...VERDICTS, "INVALID_CODE"] as const;

/** A turn's public-test outcome; INVALID_CODE when the reply had no extractable code. */
export type PublicVerdict = (typeof PUBLIC_VERDICTS)[number];

export interface RewardParts {
  terminal: number;
  invalidCode: number;
  kl: number;
  total: number;
}

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
  /** per public test results as the judge returned them */
  testResults: TestResult[];
  feedback: string | null;
  rewardParts: RewardParts;
  promptTokens?: number;
  completionTokens?: number;
  latencyMs?: number;
  tokenData?: TokenData;
  /** set on the submission turn: the final judgement */
  final?: SubmissionResult;
}

/** The submission judged on the run's hidden test set (stop at the first failure). */
export interface SubmissionResult {
  solved: boolean;
  verdict: Verdict;
  results: TestResult[];
  passed: number;
  total: number;
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
}
