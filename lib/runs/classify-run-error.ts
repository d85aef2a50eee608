import { ZodError } from "zod";
import { ConfigValidationError } from "../config/config-error";

/**
 * The job failure policy, in one place: what a run's handler threw decides whether the job is
 * retried or the run fails.
 *
 * - transient: the database or the network was briefly unavailable (a connection refused, reset
 *   or timed out; Postgres shutting down or out of connections; a serialisation conflict; the
 *   trainer answering 5xx). Nothing about the run is wrong, so the worker rethrows and pg-boss
 *   retries the job with exponential backoff (lib/jobs/boss.ts); the run keeps its finished
 *   episodes and resumes where it stopped.
 * - fatal: everything else, above all an invalid stored config or data (a zod error, a config
 *   validation error, a missing row) and our own bugs. Retrying cannot help, so the run is FAILED
 *   with the reason on its row, at once.
 *
 * Unknown errors are fatal on purpose: a bug retried five times only delays the message.
 */
export type RunErrorClass = { kind: "transient"; reason: string } | { kind: "fatal"; reason: string };

/** Stored data that does not parse, with where it was found (a data error: fatal). */
export class StoredDataError extends Error {
  constructor(where: string, error: ZodError) {
    super(`invalid stored data in ${where}: ${zodSummary(error)}`);
    this.name = "StoredDataError";
  }
}

/** Node's socket and DNS errors that mean "try again later". */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EAI_AGAIN",
  "ENOTFOUND",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
]);

/** Prisma's own codes for an unreachable or overloaded database (P1001–P1017, pool timeout, write conflict). */
const PRISMA_TRANSIENT = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);

/** What the driver adapter reports when the connection itself failed. */
const ADAPTER_TRANSIENT_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionWriteConflict",
]);

/**
 * SQLSTATEs of a connection lost or refused, an admin or crash shutdown, too many connections,
 * a serialisation failure or deadlock (class 08, 57P01–57P03, 53300, 40001, 40P01).
 */
function isTransientSqlState(code: string): boolean {
  return code.startsWith("08") || ["57P01", "57P02", "57P03", "53300", "40001", "40P01"].includes(code);
}

const TRANSIENT_NAMES = new Set(["TimeoutError", "TrainerUnavailableError"]);

export function classifyRunError(err: unknown): RunErrorClass {
  if (err instanceof ZodError) return { kind: "fatal", reason: `invalid stored data: ${zodSummary(err)}` };
  if (err instanceof ConfigValidationError || err instanceof StoredDataError) return { kind: "fatal", reason: err.message };
  const transient = findTransient(err, 0);
  if (transient) return { kind: "transient", reason: `${transient}: ${messageOf(err)}` };
  return { kind: "fatal", reason: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

/** Why `err` (or an error it wraps) is transient, or null. */
function findTransient(err: unknown, depth: number): string | null {
  if (!err || typeof err !== "object" || depth > 5) return null;
  const e = err as {
    name?: unknown;
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; code?: unknown } } };
    cause?: unknown;
    errors?: unknown;
  };
  const code = typeof e.code === "string" ? e.code : null;
  if (code && NETWORK_CODES.has(code)) return `network error ${code}`;
  if (code && PRISMA_TRANSIENT.has(code)) return `database unavailable (${code})`;
  if (code && /^[0-9A-Z]{5}$/.test(code) && isTransientSqlState(code)) return `database unavailable (SQLSTATE ${code})`;
  const adapter = e.meta?.driverAdapterError?.cause;
  if (adapter) {
    if (typeof adapter.kind === "string" && ADAPTER_TRANSIENT_KINDS.has(adapter.kind)) return `database unavailable (${adapter.kind})`;
    const state = typeof adapter.originalCode === "string" ? adapter.originalCode : typeof adapter.code === "string" ? adapter.code : null;
    if (state && isTransientSqlState(state)) return `database unavailable (SQLSTATE ${state})`;
  }
  if (typeof e.name === "string" && TRANSIENT_NAMES.has(e.name)) return e.name === "TimeoutError" ? "timed out" : "trainer unavailable";
  if (Array.isArray(e.errors))
    for (const inner of e.errors) {
      const why = findTransient(inner, depth + 1);
      if (why) return why;
    }
  return findTransient(e.cause, depth + 1);
}

function messageOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const cause = (err as { cause?: unknown } | null)?.cause;
  return cause instanceof Error && !message.includes(cause.message) ? `${message} (${cause.message})` : message.trim();
}

function zodSummary(err: ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}
