import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { datasetSummarySelect } from "./list-datasets";

export const datasetDetailSelect = {
  ...datasetSummarySelect,
  imports: { select: { id: true, fileName: true, split: true, rows: true, importedAt: true }, orderBy: { importedAt: "desc" }, take: 20 },
  _count: { select: { runs: true } },
} satisfies Prisma.DatasetSelect;

export type DatasetDetail = Prisma.DatasetGetPayload<{ select: typeof datasetDetailSelect }>;

export function getDataset(db: Db, datasetId: string): Promise<DatasetDetail | null> {
  return db.dataset.findUnique({ where: { id: datasetId }, select: datasetDetailSelect });
}
