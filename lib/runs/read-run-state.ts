import type { Db } from "../db/client";

/** A run's status and progress counters: what a waiting CLI polls. */
export function readRunProgress(db: Db, runId: string) {
  return db.run.findUniqueOrThrow({
    where: { id: runId },
    select: { status: true, progressDone: true, progressTotal: true, progressErrored: true },
  });
}

/** A run's whole row, once it has ended (what the CLI reports). */
export function readRunRow(db: Db, runId: string) {
  return db.run.findUniqueOrThrow({ where: { id: runId } });
}
