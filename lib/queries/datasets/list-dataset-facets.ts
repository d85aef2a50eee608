import type { Db } from "../../db/client";

export interface DatasetFacets {
  splits: { value: string; count: number }[];
  difficulties: { value: string; count: number }[];
}

/** Distinct splits and difficulties of a dataset with counts, for filter menus. */
export async function listDatasetFacets(db: Db, datasetId: string): Promise<DatasetFacets> {
  const [splits, difficulties] = await Promise.all([
    db.problem.groupBy({ by: ["split"], where: { datasetId }, _count: { _all: true }, orderBy: { split: "asc" } }),
    db.problem.groupBy({
      by: ["difficulty"],
      where: { datasetId, difficulty: { not: null } },
      _count: { _all: true },
      orderBy: { difficulty: "asc" },
    }),
  ]);
  return {
    splits: splits.map((s) => ({ value: s.split, count: s._count._all })),
    difficulties: difficulties.map((d) => ({ value: d.difficulty ?? "", count: d._count._all })),
  };
}
