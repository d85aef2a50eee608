import type { Db } from "../../db/client";

export interface ComparableRun {
  id: string;
  name: string;
  status: string;
  policyLabel: string;
  datasetId: string;
  datasetName: string;
  split: string;
  checkpointStep: number | null;
  createdAt: string;
}

/** Recent eval runs for the compare pickers (narrow columns; newest first, on the createdAt index). */
export async function listComparableRuns(db: Db, limit = 300): Promise<ComparableRun[]> {
  const runs = await db.run.findMany({
    where: { kind: "EVAL" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      name: true,
      status: true,
      policyLabel: true,
      datasetId: true,
      split: true,
      createdAt: true,
      dataset: { select: { name: true } },
      checkpoint: { select: { step: true } },
    },
  });
  return runs.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    policyLabel: r.policyLabel,
    datasetId: r.datasetId,
    datasetName: r.dataset.name,
    split: r.split,
    checkpointStep: r.checkpoint?.step ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Training runs that have launched checkpoint evals (for the multi-checkpoint view). */
export async function listTrainingRunsWithEvals(db: Db, limit = 100) {
  return db.run.findMany({
    where: { kind: "TRAIN", childRuns: { some: {} } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, name: true, status: true, _count: { select: { childRuns: true } } },
  });
}
