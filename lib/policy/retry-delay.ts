/**
 * Milliseconds to wait as asked by a `Retry-After` header: delta-seconds ("120", "1.5") or an HTTP date.
 * Returns undefined when absent or unparseable, so the caller falls back to its own backoff.
 */
export function parseRetryAfterMs(header: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (header == null) return undefined;
  const value = header.trim();
  if (value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // an HTTP date always names a month; without this, Date.parse would read "-5" as the year −5
  if (!/[a-z]/i.test(value)) return undefined;
  const dateMs = Date.parse(value);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, dateMs - nowMs);
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** injectable for tests; Math.random by default */
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter" before retry number `retry` (1 = first retry): half of
 * base·2^(retry−1) (capped) is fixed, the other half random. The fixed half keeps a floor under the
 * wait; the random half spreads out many episodes that failed together so they do not retry in lockstep.
 */
export function backoffDelayMs(retry: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
