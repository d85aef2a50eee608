import type { Db } from "../db/client";
import type { EpisodeProblem, TestCase } from "../episode/types";

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
    publicTests: p.publicTests as unknown as TestCase[],
    privateTests: p.privateTests as unknown as TestCase[],
    generatedTests: p.generatedTests as unknown as TestCase[],
  };
}
