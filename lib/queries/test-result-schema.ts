import { z } from "zod";

/**
 * The sandbox's per-test result (lib/sandbox/types.ts TestResult) as stored in
 * Turn.testResults / finalResults.results. Read leniently: rows written by an
 * older engine, or a field the judge later adds, must not break the page.
 */
export const testResultSchema = z.looseObject({
  index: z.number().int(),
  verdict: z.string(),
  timeMs: z.number().nullable().optional(),
  cpuMs: z.number().nullable().optional(),
  peakMemoryBytes: z.number().nullable().optional(),
  exitCode: z.number().nullable().optional(),
  signal: z.number().nullable().optional(),
  stdoutHead: z.string().optional().default(""),
  stdoutTail: z.string().optional().default(""),
  stderrHead: z.string().optional().default(""),
  stderrTail: z.string().optional().default(""),
  stdoutBytes: z.number().optional(),
  stderrBytes: z.number().optional(),
  stdoutTruncated: z.boolean().optional().default(false),
  stderrTruncated: z.boolean().optional().default(false),
  sandboxError: z.string().optional(),
});

export type StoredTestResult = z.infer<typeof testResultSchema>;

export const finalResultsSchema = z.looseObject({
  solved: z.boolean(),
  verdict: z.string(),
  results: z.array(z.unknown()).default([]),
  passed: z.number().int().default(0),
  total: z.number().int().default(0),
  /** why the episode ended outside the loop's rules, with the endpoint's or the sandbox's words */
  endedBy: z.string().optional(),
  reason: z.string().optional(),
});

/** Parse a stored list of results; an unreadable entry becomes a visible "UNREADABLE" row, not a crash. */
export function parseTestResults(value: unknown): StoredTestResult[] {
  if (!Array.isArray(value)) return [];
  return value.map((item, position) => {
    const parsed = testResultSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    return testResultSchema.parse({ index: position, verdict: "UNREADABLE" });
  });
}

export interface FinalJudgement {
  solved: boolean;
  verdict: string;
  passed: number;
  total: number;
  endedBy?: string;
  reason?: string;
  results: StoredTestResult[];
}

export function parseFinalResults(value: unknown): FinalJudgement | null {
  if (value === null || value === undefined) return null;
  const parsed = finalResultsSchema.safeParse(value);
  if (!parsed.success) return null;
  return { ...parsed.data, results: parseTestResults(parsed.data.results) };
}

/** What the program printed, head and tail joined with a visible gap marker when the middle was dropped. */
export function joinStream(head: string, tail: string, truncated: boolean): string {
  if (!tail) return truncated ? `${head}\n… [output truncated]` : head;
  return `${head}\n… [output truncated] …\n${tail}`;
}
