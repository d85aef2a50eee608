import { z } from "zod";
import { testResultsSchema } from "../sandbox/test-result-schema";
import { VERDICTS } from "../sandbox/types";
import { PUBLIC_VERDICTS, type RewardParts, type SubmissionResult } from "./types";

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
  verdict: z.enum(VERDICTS),
  results: testResultsSchema.default([]),
  passed: z.number().int().default(0),
  total: z.number().int().default(0),
}) satisfies z.ZodType<SubmissionResult, unknown>;

export const publicVerdictSchema = z.enum(PUBLIC_VERDICTS);

export const extractionRuleSchema = z.enum(["python_fence", "untagged_fence", "none"]);
