import type { Db } from "../db/client";

/** The problems a run covers, in a stable order (light columns only). */
export async function selectRunProblems(
  db: Db,
  opts: { datasetId: string; split: string; problems?: string[]; limit?: number },
): Promise<{ id: string; externalId: string }[]> {
  return db.problem.findMany({
    where: {
      datasetId: opts.datasetId,
      // "all": every problem of the dataset, whatever its split
      ...(opts.split === "all" ? {} : { split: opts.split }),
      ...(opts.problems ? { externalId: { in: opts.problems } } : {}),
    },
    orderBy: { externalId: "asc" },
    take: opts.limit,
    select: { id: true, externalId: true },
  });
}
