export interface HistogramBin {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge, except for the last bin which includes it. */
  to: number;
  count: number;
}

/**
 * Fixed-width bins over [min, max], so histograms from different runs line up
 * bin for bin. Values outside the range are clamped into the end bins.
 */
export function histogram(values: readonly number[], options: { min?: number; max?: number; bins?: number } = {}): HistogramBin[] {
  const min = options.min ?? 0;
  const max = options.max ?? 1;
  const binCount = options.bins ?? 10;
  if (!(max > min) || !Number.isInteger(binCount) || binCount < 1) {
    throw new RangeError(`histogram: need max > min and an integer bin count ≥ 1 (min=${min} max=${max} bins=${binCount})`);
  }
  const width = (max - min) / binCount;
  const bins: HistogramBin[] = Array.from({ length: binCount }, (_, i) => ({
    from: min + i * width,
    to: i === binCount - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    const slot = Math.floor((value - min) / width);
    bins[Math.min(binCount - 1, Math.max(0, slot))].count++;
  }
  return bins;
}
