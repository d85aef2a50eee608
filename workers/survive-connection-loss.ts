import { classifyRunError } from "../lib/runs/classify-run-error";

/** pg's own message when the server went away mid-connection (it carries no error code). */
const LOST =
  /Connection terminated|connection (?:is )?closed|terminating connection|the database system is (?:starting up|shutting down|in recovery mode)/i;

/** An error that only says the database is (briefly) unreachable: a restart, a failover, a dropped socket. */
export function isConnectionLoss(err: unknown): boolean {
  if (classifyRunError(err).kind === "transient") return true;
  for (let e = err as { message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.message === "string" && LOST.test(e.message)) return true;
  }
  return false;
}

/**
 * pg-boss 10 completes and fails jobs without awaiting the promise (manager.js: `this.complete(…)`,
 * `this.fail(…)`), so a Postgres restart while a job ends is an unhandled rejection, which Node turns
 * into a crash of the whole worker. Such a rejection only means the database was away: log it and keep
 * going (the run's lease runs out and the reaper re-enqueues it, so the lost completion costs nothing).
 * Anything else still crashes the process, as it should, and `rlef start` restarts it.
 */
export function surviveConnectionLoss(log: (line: string) => void = (l) => console.error(l)): () => void {
  const handler = (reason: unknown) => {
    if (isConnectionLoss(reason)) {
      log(`[worker] database unreachable, carrying on: ${reason instanceof Error ? reason.message : String(reason)}`);
      return;
    }
    throw reason;
  };
  process.on("unhandledRejection", handler);
  return () => process.removeListener("unhandledRejection", handler);
}
