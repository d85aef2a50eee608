/**
 * Run `fn` over items with at most `concurrency` in flight; items are pulled
 * lazily, so a long list never turns into a burst of pending promises.
 * Stops taking new items once the signal aborts.
 */
export async function mapBounded<T>(
  items: Iterable<T>,
  concurrency: number,
  fn: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const lane = async () => {
    for (;;) {
      if (signal?.aborted) return;
      const next = iterator.next();
      if (next.done) return;
      await fn(next.value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
}
