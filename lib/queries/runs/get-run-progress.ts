import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { runStatusSelect } from "./run-status-select";

/** What the browser polls while a run is live: a handful of integers. */
export const runProgressSelect = {
  ...runStatusSelect,
  updatedAt: true,
} satisfies Prisma.RunSelect;

export type RunProgress = Prisma.RunGetPayload<{ select: typeof runProgressSelect }>;

export function getRunProgress(db: Db, runId: string): Promise<RunProgress | null> {
  return db.run.findUnique({ where: { id: runId }, select: runProgressSelect });
}
