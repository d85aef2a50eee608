import type { Db } from "../db/client";
import { problemRecordSchema, type ProblemRecord } from "./problem-record";

/** A stored problem as a ProblemRecord, by dataset name and external id (or our row id). */
export async function findProblemRecord(db: Db, dataset: string, problemId: string): Promise<ProblemRecord> {
  const row = await db.problem.findFirst({
    where: { dataset: { name: dataset }, OR: [{ externalId: problemId }, { id: problemId }] },
  });
  if (!row) throw new Error(`no problem "${problemId}" in dataset "${dataset}" (see the datasets page or \`rlef import\`)`);
  return problemRecordSchema.parse({
    externalId: row.externalId,
    name: row.name,
    description: row.description,
    publicTests: row.publicTests,
    privateTests: row.privateTests,
    generatedTests: row.generatedTests,
    timeLimitMs: row.timeLimitMs,
    memoryLimitBytes: row.memoryLimitBytes,
    difficulty: row.difficulty,
    rating: row.rating,
    tags: row.tags,
    referenceSolutions: row.referenceSolutions,
    wrongSolutions: row.wrongSolutions,
  });
}
