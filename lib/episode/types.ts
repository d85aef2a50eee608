import type { ChatMessage, TokenData } from "../policy/types";
import type { ExtractionRule } from "./extract-code";

export interface TestCase {
  input: string;
  output: string;
}

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

export type { Verdict } from "../sandbox/types";
import type { Verdict } from "../sandbox/types";

/** A turn's public-test outcome; INVALID_CODE when the reply had no extractable code. */
export type PublicVerdict = Verdict | "INVALID_CODE";

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
  testResults: unknown[];
  feedback: string | null;
  rewardParts: RewardParts;
  promptTokens?: number;
  completionTokens?: number;
  latencyMs?: number;
  tokenData?: TokenData;
  /** set on the submission turn: the final judgement */
  final?: { solved: boolean; verdict: Verdict; results: unknown[]; passed: number; total: number };
}

export interface EpisodeOutcome {
  turns: TurnRecord[];
  solved: boolean;
  passedPublic: boolean;
  finalReward: number;
  invalidCode: boolean;
  firstErrorKind: PublicVerdict | null;
  solvedAtTurn: number | null;
}
