import type { Db } from "../../db/client";

/** The run a review queue walks (its name for the page header), or null when there is none. */
export function getQueueRun(db: Db, runId: string): Promise<{ id: string; name: string } | null> {
  return db.run.findUnique({ where: { id: runId }, select: { id: true, name: true } });
}
