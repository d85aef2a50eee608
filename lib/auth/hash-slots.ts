import os from "node:os";

export class HashingBusyError extends Error {
  constructor() {
    super("too many sign-ins are being checked at once; try again in a moment");
    this.name = "HashingBusyError";
  }
}

/**
 * How many password hashes run at once: one core fewer than the machine has, at least one. Both the
 * slots below and the hashing threads (password-worker.ts) are sized by it, so a thread is never idle
 * while a hash waits for a slot, nor a slot given a thread that is busy.
 */
export const HASH_CONCURRENCY = Math.max(1, os.availableParallelism() - 1);

/**
 * Password hashing is CPU work by design. Run at most `limit` hashes at once (HASH_CONCURRENCY), so a flood of sign-ins queues here instead of taking every core
 * from the requests of users who are already signed in; a queue past `maxQueued` is refused at once.
 */
export class HashSlots {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(
    readonly limit = HASH_CONCURRENCY,
    readonly maxQueued = 64,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      if (this.waiters.length >= this.maxQueued) throw new HashingBusyError();
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiters.shift();
      if (next)
        next(); // the slot passes straight to the next waiter
      else this.active -= 1;
    }
  }
}
