import type { Prisma } from "../../db/generated/client";

/** Where a run stands (status, progress counts, why it stopped, when): shown by the list, the page and the poll. */
export const runStatusSelect = {
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
} satisfies Prisma.RunSelect;
