import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

/** What the browser polls while a run is live: a handful of integers. */
export const runProgressSelect = {
  id: true,
  status: true,
  progressTotal: true,
  progressDone: true,
  progressErrored: true,
  trainStep: true,
  statusReason: true,
  error: true,
  startedAt: true,
  finishedAt: true,
  updatedAt: true,
} satisfies Prisma.RunSelect;

export type RunProgress = Prisma.RunGetPayload<{ select: typeof runProgressSelect }>;

export function getRunProgress(db: Db, runId: string): Promise<RunProgress | null> {
  return db.run.findUnique({ where: { id: runId }, select: runProgressSelect });
}
