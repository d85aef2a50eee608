import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

export const datasetListSelect = {
  id: true,
  name: true,
  source: true,
  description: true,
  problemCount: true,
  importedAt: true,
  _count: { select: { runs: true, imports: true } },
} satisfies Prisma.DatasetSelect;

export type DatasetListRow = Prisma.DatasetGetPayload<{ select: typeof datasetListSelect }>;

/** All datasets by name; there are few (each holds thousands of problems). */
export function listDatasets(db: Db): Promise<DatasetListRow[]> {
  return db.dataset.findMany({ select: datasetListSelect, orderBy: { name: "asc" }, take: 500 });
}
