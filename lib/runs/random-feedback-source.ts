import { z } from "zod";
import type { Db } from "../db/client";
import { solutionSchema, testCaseSchema, type TestCase } from "../problems/problem-record";

export interface ForeignAttempt {
  code: string;
  tests: TestCase[];
}

/**
 * The paper's random-feedback ablation (RLEF-PAPER.md §7): feedback comes from
 * running a wrong solution of an unrelated problem on that problem's public
 * tests. Picks, deterministically per (problem, sample, turn), another problem
 * of the run that has wrong solutions.
 */
export async function createRandomFeedbackSource(db: Db, problemIds: string[]) {
  const rows = await db.problem.findMany({
    where: { id: { in: problemIds } },
    select: { id: true, publicTests: true, wrongSolutions: true },
  });
  const donors = rows
    .map((r) => ({ id: r.id, tests: z.array(testCaseSchema).parse(r.publicTests), wrong: z.array(solutionSchema).parse(r.wrongSolutions).map((s) => s.code) }))
    .filter((d) => d.wrong.length > 0 && d.tests.length > 0);
  return (problemId: string, sampleIndex: number, turnIndex: number): ForeignAttempt | null => {
    const others = donors.filter((d) => d.id !== problemId);
    if (others.length === 0) return null;
    let h = 2166136261;
    for (const ch of `${problemId}:${sampleIndex}:${turnIndex}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    const donor = others[(h >>> 0) % others.length];
    return { code: donor.wrong[(h >>> 8) % donor.wrong.length], tests: donor.tests };
  };
}
