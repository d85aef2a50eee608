import type { Db } from "@/lib/db/client";

export interface LaunchOptions {
  datasets: { name: string; splits: { split: string; problems: number }[] }[];
  endpoints: { id: string; name: string; kind: string; model: string }[];
  checkpoints: { id: string; step: number; runName: string }[];
}

/** What the launch forms offer: datasets with their splits, stored endpoints, recent checkpoints. */
export async function listLaunchOptions(db: Db): Promise<LaunchOptions> {
  const [datasets, splitCounts, endpoints, checkpoints] = await Promise.all([
    db.dataset.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.problem.groupBy({ by: ["datasetId", "split"], _count: { _all: true } }),
    db.modelEndpoint.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true, model: true } }),
    db.checkpoint.findMany({
      orderBy: { createdAt: "desc" },
      take: 200,
      select: { id: true, step: true, run: { select: { name: true } } },
    }),
  ]);
  return {
    datasets: datasets.map((d) => ({
      name: d.name,
      splits: splitCounts
        .filter((s) => s.datasetId === d.id)
        .map((s) => ({ split: s.split, problems: s._count._all }))
        .sort((a, b) => a.split.localeCompare(b.split)),
    })),
    endpoints,
    checkpoints: checkpoints.map((c) => ({ id: c.id, step: c.step, runName: c.run.name })),
  };
}
