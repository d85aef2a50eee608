import { z } from "zod";
import { testResultsSchema } from "../sandbox/test-result-schema";
import { VERDICTS } from "../sandbox/types";
import { EPISODE_END_REASONS, PUBLIC_VERDICTS, type FeedbackSource, type RewardParts, type SubmissionResult } from "./types";

/**
 * The JSON columns of a stored Turn, validated where they are read back (resuming an episode, the
 * trainer's submission, the episode page). Each `satisfies` ties a schema to its type in types.ts.
 */
export const rewardPartsSchema = z.object({
  terminal: z.number(),
  invalidCode: z.number(),
  kl: z.number(),
  total: z.number(),
}) satisfies z.ZodType<RewardParts, unknown>;

export const submissionResultSchema = z.object({
  solved: z.boolean(),
  verdict: z.enum([...VERDICTS, "CONTEXT_LENGTH_EXCEEDED"]),
  results: testResultsSchema.default([]),
  passed: z.number().int().default(0),
  total: z.number().int().default(0),
  endedBy: z.enum(EPISODE_END_REASONS).optional(),
  reason: z.string().optional(),
}) satisfies z.ZodType<SubmissionResult, unknown>;

export const feedbackSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("donor"), problem: z.string(), solution: z.number().int(), tries: z.number().int() }),
  z.object({ kind: z.literal("not-implemented"), problem: z.string().nullable(), tries: z.number().int() }),
]) satisfies z.ZodType<FeedbackSource, unknown>;

export const publicVerdictSchema = z.enum(PUBLIC_VERDICTS);

export const extractionRuleSchema = z.enum(["python_fence", "untagged_fence", "none"]);
