import { z } from "zod";
import { FAILURE_KINDS } from "./error-kinds";

/**
 * The summary an eval run stores and the CLI prints with --json. One schema so
 * the dashboard can validate what it reads back. Rates are fractions in [0, 1].
 */
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

export const runSummarySchema = z.object({
  schemaVersion: z.literal(1),
  turnLimit: z.number().int().positive(),
  episodes: z.object({
    total: z.number().int(),
    errored: z.number().int(),
    scored: z.number().int(),
    problems: z.number().int(),
    replies: z.number().int(),
    invalidCodeReplies: z.number().int(),
  }),
  oneAtThree: problemMean.extend({
    ci: z.object({
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      resamplesUsed: z.number().int(),
      seed: z.number(),
    }),
  }),
  passAt1: problemMean,
  passAtK: z.array(problemMean.extend({ k: z.number().int() })),
  nAtK: z.array(problemMean.extend({ n: z.number().int(), k: z.number().int(), drawn: z.number().int() })),
  singleTurnOneAtThree: problemMean.extend({ excludedAttempts: z.number().int() }),
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
