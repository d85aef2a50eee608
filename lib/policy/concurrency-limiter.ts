/**
 * A counting semaphore whose waiters can give up (abort) and whose limit can change while in use.
 * Hand-written rather than p-limit because a queued episode must leave the queue at once when its
 * run is cancelled, which p-limit cannot do.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(private limit: number) {
    ConcurrencyLimiter.checkLimit(limit);
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiters.length;
  }

  get maxConcurrency(): number {
    return this.limit;
  }

  setLimit(limit: number): void {
    ConcurrencyLimiter.checkLimit(limit);
    this.limit = limit;
    this.wakeWaiters();
  }

  /** Runs `task` once a slot is free; rejects with the signal's reason if aborted while waiting. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.wakeWaiters();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.active < this.limit && this.waiters.length === 0) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiters.indexOf(grant);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal!.reason);
      };
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      this.waiters.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  private wakeWaiters(): void {
    while (this.active < this.limit && this.waiters.length > 0) {
      this.active += 1;
      this.waiters.shift()!();
    }
  }

  private static checkLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new Error(`concurrency limit must be a positive integer, got ${limit}`);
    }
  }
}
