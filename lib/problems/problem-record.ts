import { z } from "zod";

/**
 * Our normalised problem, the shape every importer produces and our own JSONL
 * format stores one per line. Only the identifying fields and the public tests
 * are required when reading our format; the rest default to "unknown"/empty.
 */
export const testCaseSchema = z.object({ input: z.string(), output: z.string() });

export const solutionSchema = z.object({ language: z.string().min(1), code: z.string() });

export const problemRecordSchema = z.object({
  externalId: z.string().min(1),
  name: z.string().min(1),
  description: z.string().min(1),
  publicTests: z.array(testCaseSchema),
  privateTests: z.array(testCaseSchema).default([]),
  generatedTests: z.array(testCaseSchema).default([]),
  timeLimitMs: z.number().int().positive().nullable().default(null),
  memoryLimitBytes: z.number().int().positive().nullable().default(null),
  /** The source's own grading label (e.g. CodeContests "EASY" or "B"); not comparable across sources. */
  difficulty: z.string().nullable().default(null),
  /** Codeforces rating when known. */
  rating: z.number().int().positive().nullable().default(null),
  tags: z.array(z.string()).default([]),
  referenceSolutions: z.array(solutionSchema).default([]),
  wrongSolutions: z.array(solutionSchema).default([]),
  /** Where the problem comes from, e.g. "codeforces"; "unknown" when not given. */
  source: z.string().min(1).default("unknown"),
});

/**
 * Tag of a problem imported but kept out of runs and audits: it needs a special checker this project
 * does not have (e.g. a LiveCodeBench, TACO or APPS problem with several right answers).
 */
export const NEEDS_CHECKER_TAG = "needs-special-checker";

export type TestCase = z.infer<typeof testCaseSchema>;
export type Solution = z.infer<typeof solutionSchema>;
export type ProblemRecord = z.infer<typeof problemRecordSchema>;
