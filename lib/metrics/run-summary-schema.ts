import { z } from "zod";
import { EXCLUSION_REASONS } from "./types";
import { FAILURE_KINDS } from "./error-kinds";

/**
 * The summary an eval run stores and the CLI prints with --json. One schema so
 * the dashboard can validate what it reads back. Rates are fractions in [0, 1].
 * Version 2: both bootstrap kinds, exclusions by reason, the sampling of every n@k.
 * Version 3: single-turn 1@3 with the same two intervals as 1@3.
 */
export const RUN_SUMMARY_VERSION = 3;

const problemMean = z.object({
  value: z.number().nullable(),
  problems: z.number().int(),
  skippedProblems: z.number().int(),
});

const kindCounts = z.record(z.enum(FAILURE_KINDS as [string, ...string[]]), z.number().int());

const histogramBin = z.object({ from: z.number(), to: z.number(), count: z.number().int() });

const codeChangeSummary = z.object({
  pairs: z.number().int(),
  meanChange: z.number().nullable(),
  medianChange: z.number().nullable(),
  identicalRate: z.number().nullable(),
  histogram: z.array(histogramBin),
});

export const labelledIntervalSchema = z.object({
  method: z.enum(["rollout", "problem"]),
  label: z.string(),
  level: z.number(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  resamples: z.number().int(),
  resamplesUsed: z.number().int(),
  seed: z.number(),
});

export const runSummarySchema = z.object({
  schemaVersion: z.literal(RUN_SUMMARY_VERSION),
  turnLimit: z.number().int().positive(),
  /** what the replies were sampled with (as configured); fromModel false for the demo policy; null when unknown */
  sampling: z.object({ temperature: z.number(), topP: z.number(), fromModel: z.boolean() }).nullable(),
  episodes: z.object({
    total: z.number().int(),
    errored: z.number().int(),
    scored: z.number().int(),
    problems: z.number().int(),
    replies: z.number().int(),
    invalidCodeReplies: z.number().int(),
    /** errored episodes by reason: left out of every metric below */
    excluded: z.record(z.enum(EXCLUSION_REASONS), z.number().int()),
    /** "3 episodes excluded: 2 endpoint errors, 1 sandbox error", or null: shown beside every metric */
    excludedText: z.string().nullable(),
    /** the model's failures, scored as failed rollouts */
    modelFailures: z.object({
      contextLengthExceeded: z.number().int(),
      repliesCutAtMaxTokens: z.number().int(),
    }),
  }),
  oneAtThree: problemMean.extend({
    intervals: z.object({ rollout: labelledIntervalSchema, problem: labelledIntervalSchema }),
  }),
  passAt1: problemMean,
  passAtK: z.array(problemMean.extend({ k: z.number().int() })),
  nAtK: z.array(
    problemMean.extend({
      n: z.number().int(),
      k: z.number().int(),
      drawn: z.number().int(),
      temperature: z.number().nullable(),
      topP: z.number().nullable(),
      comparableWithPaper: z.boolean(),
      note: z.string(),
    }),
  ),
  singleTurnOneAtThree: problemMean.extend({
    excludedAttempts: z.number().int(),
    intervals: z.object({ rollout: labelledIntervalSchema, problem: labelledIntervalSchema }),
  }),
  solveRateByTurn: z.array(z.object({ turn: z.number().int(), rate: z.number().nullable() })),
  errorKinds: z.array(
    z.object({
      turn: z.number().int(),
      attempts: z.number().int(),
      failed: kindCounts,
      withNextTurn: kindCounts,
      fixedNextTurn: kindCounts,
    }),
  ),
  codeChange: z.object({
    overall: codeChangeSummary,
    byTransition: z.array(codeChangeSummary.extend({ fromTurn: z.number().int(), toTurn: z.number().int() })),
    skippedPairs: z.number().int(),
  }),
});

export type RunSummary = z.infer<typeof runSummarySchema>;
export type LabelledIntervalJson = z.infer<typeof labelledIntervalSchema>;
