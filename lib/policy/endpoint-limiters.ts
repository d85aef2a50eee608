import { ConcurrencyLimiter } from "./concurrency-limiter";

// One limiter per (endpoint URL, model) for the whole process, so every run and episode that talks to
// the same server shares its concurrency budget instead of each multiplying it.
const limiters = new Map<string, ConcurrencyLimiter>();

/**
 * The process-wide limiter for an endpoint. The limit is a property of the server, so the most recently
 * created policy's `maxConcurrency` wins (a changed endpoint setting takes effect without a restart).
 */
export function endpointLimiter(url: string, model: string, maxConcurrency: number): ConcurrencyLimiter {
  const key = `${url}\u0000${model}`;
  const existing = limiters.get(key);
  if (existing) {
    if (existing.maxConcurrency !== maxConcurrency) existing.setLimit(maxConcurrency);
    return existing;
  }
  const limiter = new ConcurrencyLimiter(maxConcurrency);
  limiters.set(key, limiter);
  return limiter;
}
