/** Timing helpers for the scale benchmark: run a function repeatedly, report percentiles in ms. */
export interface Timing {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank];
}

export async function measure(name: string, runs: number, fn: (i: number) => Promise<unknown>, warmup = 5): Promise<Timing> {
  return measureReported(
    name,
    runs,
    async (i) => {
      const started = performance.now();
      await fn(i);
      return performance.now() - started;
    },
    warmup,
  );
}

/** Like measure, for runs that time only part of their work and return that duration (ms). */
export async function measureReported(name: string, runs: number, fn: (i: number) => Promise<number>, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn(i));
  times.sort((a, b) => a - b);
  return { name, runs, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1] };
}

export function formatTiming(t: Timing, goalMs?: number): string {
  const verdict = goalMs === undefined ? "" : t.p95 < goalMs ? `  ok (< ${goalMs} ms)` : `  OVER the ${goalMs} ms goal`;
  return `${t.name.padEnd(58)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms   max ${t.max.toFixed(1).padStart(7)} ms  (n=${t.runs})${verdict}`;
}
