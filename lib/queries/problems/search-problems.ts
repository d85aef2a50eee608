import type { Db } from "../../db/client";

export interface ProblemSuggestion {
  id: string;
  name: string;
  externalId: string;
}

/** Problem-name suggestions within a dataset for pickers (prefix matches first). */
export async function searchProblems(db: Db, datasetId: string, query: string, limit = 15): Promise<ProblemSuggestion[]> {
  const q = query.trim();
  const select = { id: true, name: true, externalId: true } as const;
  if (!q) return db.problem.findMany({ where: { datasetId }, select, orderBy: { name: "asc" }, take: limit });
  const prefix = await db.problem.findMany({
    where: { datasetId, name: { startsWith: q, mode: "insensitive" } },
    select,
    orderBy: { name: "asc" },
    take: limit,
  });
  if (prefix.length >= limit) return prefix;
  const contains = await db.problem.findMany({
    where: { datasetId, name: { contains: q, mode: "insensitive" }, id: { notIn: prefix.map((p) => p.id) } },
    select,
    orderBy: { name: "asc" },
    take: limit - prefix.length,
  });
  return [...prefix, ...contains];
}
