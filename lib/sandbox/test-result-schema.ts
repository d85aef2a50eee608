import { z } from "zod";
import { VERDICTS, type TestResult } from "./types";

/**
 * The sandbox's per-test result (types.ts TestResult), validated where it is read back from the
 * database (Turn.testResults, Turn.finalResults.results). The output is exactly a TestResult: the
 * `satisfies` below makes a field added to TestResult without being added here a type error. Fields
 * that rows written before they existed may lack get a neutral value instead of failing the read;
 * unknown fields (a later engine's) are kept.
 */
export const testResultSchema = z.looseObject({
  index: z.number().int(),
  verdict: z.enum(VERDICTS),
  timeMs: z.number().default(0),
  cpuMs: z.number().nullable().default(null),
  peakMemoryBytes: z.number().nullable().default(null),
  exitCode: z.number().nullable().default(null),
  signal: z.number().nullable().default(null),
  stdoutHead: z.string().default(""),
  stdoutTail: z.string().default(""),
  stderrHead: z.string().default(""),
  stderrTail: z.string().default(""),
  stdoutBytes: z.number().default(0),
  stderrBytes: z.number().default(0),
  outputLimited: z.enum(["stdout", "stderr"]).nullable().default(null),
  stdoutTruncated: z.boolean().default(false),
  stderrTruncated: z.boolean().default(false),
  sandboxError: z.string().optional(),
}) satisfies z.ZodType<TestResult, unknown>;

export const testResultsSchema = z.array(testResultSchema);
