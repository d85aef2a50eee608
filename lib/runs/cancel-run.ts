import type { Db } from "../db/client";

/** A run in one of these can be cancelled; a finished one (COMPLETED, FAILED, CANCELLED) is left alone. */
export const CANCELLABLE_STATUSES = ["QUEUED", "RUNNING", "PAUSED"] as const;

export function isCancellable(status: string): boolean {
  return (CANCELLABLE_STATUSES as readonly string[]).includes(status);
}

export type CancelResult = { runId: string; status: string; changed: boolean } | null;

/**
 * Mark the run CANCELLED, with its still-going child eval runs (a training run's checkpoint evals).
 * Nothing else is needed to stop it: a worker holding the run sees the status at its next heartbeat
 * and aborts the handler (lib/runs/run-leased.ts), and a job still queued finds the run unclaimable
 * (claimRun takes only QUEUED or RUNNING runs) and is skipped. Finished episodes are kept.
 * Returns null when there is no such run.
 */
export async function cancelRun(db: Db, runId: string, reason: string): Promise<CancelResult> {
  const updated = await db.run.updateMany({
    where: { id: runId, status: { in: [...CANCELLABLE_STATUSES] } },
    data: { status: "CANCELLED", statusReason: reason, finishedAt: new Date() },
  });
  if (updated.count === 0) {
    const run = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
    return run ? { runId, status: run.status, changed: false } : null;
  }
  await db.run.updateMany({
    where: { parentRunId: runId, status: { in: [...CANCELLABLE_STATUSES] } },
    data: { status: "CANCELLED", statusReason: `${reason} (parent training run)`, finishedAt: new Date() },
  });
  return { runId, status: "CANCELLED", changed: true };
}
