import { z } from "zod";
import { submissionResultSchema } from "../episode/turn-schemas";
import type { SubmissionResult } from "../episode/types";
import { testResultSchema } from "../sandbox/test-result-schema";
import type { TestResult } from "../sandbox/types";

/**
 * The episode page reads stored results through the sandbox's own schema (one TestResult type);
 * the only addition is the page's: an entry that does not parse becomes a visible UNREADABLE row
 * instead of failing the page.
 */
export type StoredTestResult = Omit<TestResult, "verdict"> & { verdict: TestResult["verdict"] | "UNREADABLE" };

const unreadable = (index: number): StoredTestResult => ({
  ...testResultSchema.parse({ index, verdict: "SANDBOX_ERROR" }),
  verdict: "UNREADABLE",
});

/** Parse a stored list of results; an unreadable entry becomes a visible "UNREADABLE" row, not a crash. */
export function parseTestResults(value: unknown): StoredTestResult[] {
  if (!Array.isArray(value)) return [];
  return value.map((item, position) => {
    const parsed = testResultSchema.safeParse(item);
    return parsed.success ? parsed.data : unreadable(position);
  });
}

export type StoredSubmissionResult = Omit<SubmissionResult, "results"> & { results: StoredTestResult[] };

const storedSubmissionSchema = submissionResultSchema.extend({ results: z.array(z.unknown()).default([]) });

export function parseFinalResults(value: unknown): StoredSubmissionResult | null {
  if (value === null || value === undefined) return null;
  const parsed = storedSubmissionSchema.safeParse(value);
  if (!parsed.success) return null;
  return { ...parsed.data, results: parseTestResults(parsed.data.results) };
}

/** What the program printed, head and tail joined with a visible gap marker when the middle was dropped. */
export function joinStream(head: string, tail: string, truncated: boolean): string {
  if (!tail) return truncated ? `${head}\n… [output truncated]` : head;
  return `${head}\n… [output truncated] …\n${tail}`;
}
