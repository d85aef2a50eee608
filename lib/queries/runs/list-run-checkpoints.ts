import type { Db } from "../../db/client";

/** A training run's checkpoints, oldest step first (what `rlef train` prints when it ends). */
export function listRunCheckpoints(db: Db, runId: string): Promise<{ step: number; path: string }[]> {
  return db.checkpoint.findMany({ where: { runId }, orderBy: { step: "asc" }, select: { step: true, path: true } });
}
