import { z } from "zod";
import type { Db } from "../db/client";
import type { EpisodeProblem } from "../episode/types";
import { testCaseSchema } from "../problems/problem-record";
import { StoredDataError } from "./classify-run-error";
import { promptStyleOf } from "../function-tasks/episode-prompts";

const storedTestsSchema = z.object({
  publicTests: z.array(testCaseSchema),
  privateTests: z.array(testCaseSchema),
  generatedTests: z.array(testCaseSchema),
});

/** The full problem the environment needs (heavy columns): worker-side only. */
export async function loadEpisodeProblem(db: Db, problemId: string): Promise<EpisodeProblem> {
  const p = await db.problem.findUniqueOrThrow({
    where: { id: problemId },
    select: {
      id: true,
      externalId: true,
      description: true,
      publicTests: true,
      privateTests: true,
      generatedTests: true,
      timeLimitMs: true,
      memoryLimitBytes: true,
      tags: true,
    },
  });
  // validated as read back: a test list that is not one is a data error (the run fails saying where), not a judge input
  const tests = storedTestsSchema.safeParse(p);
  if (!tests.success) throw new StoredDataError(`problem ${p.externalId} (${p.id})`, tests.error);
  const { tags, ...rest } = p;
  return { ...rest, ...tests.data, promptStyle: promptStyleOf(tags) };
}
