/** Percentile with linear interpolation between order statistics (numpy's default). */
export function percentile(sortedValues: readonly number[], percent: number): number {
  if (sortedValues.length === 0) throw new RangeError("percentile of an empty list");
  if (percent < 0 || percent > 100) throw new RangeError(`percentile: ${percent} is outside 0..100`);
  const position = (percent / 100) * (sortedValues.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const fraction = position - below;
  return sortedValues[below] + (sortedValues[above] - sortedValues[below]) * fraction;
}
