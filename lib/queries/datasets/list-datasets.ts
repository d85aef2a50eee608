import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

/** A dataset's own columns, shown both in the list and on its page. */
export const datasetSummarySelect = {
  id: true,
  name: true,
  source: true,
  description: true,
  problemCount: true,
  importedAt: true,
} satisfies Prisma.DatasetSelect;

export const datasetListSelect = {
  ...datasetSummarySelect,
  _count: { select: { runs: true, imports: true } },
} satisfies Prisma.DatasetSelect;

export type DatasetListRow = Prisma.DatasetGetPayload<{ select: typeof datasetListSelect }>;

/** All datasets by name; there are few (each holds thousands of problems). */
export function listDatasets(db: Db): Promise<DatasetListRow[]> {
  return db.dataset.findMany({ select: datasetListSelect, orderBy: { name: "asc" }, take: 500 });
}
