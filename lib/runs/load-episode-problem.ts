import { z } from "zod";
import type { Db } from "../db/client";
import type { EpisodeProblem } from "../episode/types";
import { testCaseSchema } from "../problems/problem-record";

const testsSchema = z.array(testCaseSchema);

/** The full problem the environment needs (heavy columns): worker-side only. */
export async function loadEpisodeProblem(db: Db, problemId: string): Promise<EpisodeProblem> {
  const p = await db.problem.findUniqueOrThrow({
    where: { id: problemId },
    select: {
      id: true, externalId: true, description: true, publicTests: true, privateTests: true,
      generatedTests: true, timeLimitMs: true, memoryLimitBytes: true,
    },
  });
  return {
    ...p,
    // validated as read back: a test list that is not one is a data error, not a judge input
    publicTests: testsSchema.parse(p.publicTests),
    privateTests: testsSchema.parse(p.privateTests),
    generatedTests: testsSchema.parse(p.generatedTests),
  };
}
