import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { runStatusSelect } from "./run-status-select";

/** Everything the run page's header and cards need (one row: config and summary are fine here). */
export const runDetailSelect = {
  ...runStatusSelect,
  kind: true,
  name: true,
  split: true,
  policyLabel: true,
  config: true,
  summary: true,
  notices: true,
  createdAt: true,
  updatedAt: true,
  dataset: { select: { id: true, name: true, source: true } },
  checkpoint: { select: { id: true, step: true, runId: true, run: { select: { name: true } } } },
  parentRun: { select: { id: true, name: true } },
  launchedBy: { select: { name: true, email: true } },
  endpoint: { select: { name: true, model: true, baseUrl: true } },
  _count: { select: { checkpoints: true, childRuns: true } },
} satisfies Prisma.RunSelect;

export type RunDetail = Prisma.RunGetPayload<{ select: typeof runDetailSelect }>;

export function getRun(db: Db, runId: string): Promise<RunDetail | null> {
  return db.run.findUnique({ where: { id: runId }, select: runDetailSelect });
}
