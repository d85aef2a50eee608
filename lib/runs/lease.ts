import type { Db } from "../db/client";
import { env } from "../config/env";

// A dead worker's runs are resumed once its lease runs out; tests shorten it through the environment.
export const LEASE_MS = Number(env().RLEF_LEASE_MS ?? 30_000);
export const HEARTBEAT_MS = Math.max(200, Math.floor(LEASE_MS / 6));

/**
 * Atomically take a run for this worker: only when nobody holds a live lease.
 * Returns false when another live worker is already on it (a duplicate job).
 */
export async function claimRun(db: Db, runId: string, owner: string): Promise<boolean> {
  const claimed = await db.$executeRaw`
    UPDATE "Run" SET "leaseOwner" = ${owner}, "leaseExpiresAt" = now() + ${`${LEASE_MS} milliseconds`}::interval
    WHERE id = ${runId} AND status IN ('QUEUED', 'RUNNING')
      AND ("leaseOwner" IS NULL OR "leaseOwner" = ${owner} OR "leaseExpiresAt" < now())`;
  return claimed === 1;
}

/** Extend the lease; false when it was lost (the run was cancelled or taken over). */
export async function renewLease(db: Db, runId: string, owner: string): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "Run" SET "leaseExpiresAt" = now() + ${`${LEASE_MS} milliseconds`}::interval
    WHERE id = ${runId} AND "leaseOwner" = ${owner}`;
  return n === 1;
}

export async function releaseRun(db: Db, runId: string, owner: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Run" SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL WHERE id = ${runId} AND "leaseOwner" = ${owner}`;
}

/**
 * Runs that should be in progress but whose worker stopped renewing: a killed
 * worker, or a row written whose enqueue never happened, and no job waiting for it. Each is given a short
 * grace lease so that the reaper of every worker does not re-enqueue it at once.
 */
export async function takeOrphanedRuns(db: Db): Promise<{ id: string; kind: "EVAL" | "TRAIN" }[]> {
  return db.$queryRaw`
    UPDATE "Run" SET "leaseOwner" = NULL, "leaseExpiresAt" = now() + ${`${LEASE_MS} milliseconds`}::interval
    WHERE id IN (
      SELECT id FROM "Run"
      WHERE status IN ('QUEUED', 'RUNNING')
        AND COALESCE("leaseExpiresAt", "createdAt" + ${`${LEASE_MS} milliseconds`}::interval) < now()
        AND NOT EXISTS (
          SELECT 1 FROM pgboss.job j
          WHERE j.data->>'runId' = "Run".id AND j.state IN ('created', 'retry'))
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind::text AS kind`;
}
