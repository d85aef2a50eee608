export interface CodeChangeInput {
  pairs: number;
  meanChange: number | null;
  medianChange: number | null;
  identicalRate: number | null;
  histogram: readonly { from: number; to: number; count: number }[];
}

export interface CodeChangeBin {
  label: string;
  from: number;
  to: number;
  count: number;
  /** share of all pairs, percent */
  percent: number;
}

export interface CodeChangeChartData {
  bins: CodeChangeBin[];
  pairs: number;
  identicalPercent: number | null;
  mean: number | null;
  median: number | null;
}

const fmt = (x: number) => x.toFixed(1);

/**
 * Distribution of 1 − chrF between consecutive attempts (0 = same code,
 * 1 = rewritten), with the share of identical resubmissions called out.
 */
export function prepareCodeChange(input: CodeChangeInput): CodeChangeChartData {
  const total = input.histogram.reduce((s, b) => s + b.count, 0);
  return {
    bins: [...input.histogram]
      .sort((a, b) => a.from - b.from)
      .map((b) => ({
        label: `${fmt(b.from)}–${fmt(b.to)}`,
        from: b.from,
        to: b.to,
        count: b.count,
        percent: total ? Math.round((b.count / total) * 1000) / 10 : 0,
      })),
    pairs: input.pairs,
    identicalPercent: input.identicalRate === null ? null : Math.round(input.identicalRate * 1000) / 10,
    mean: input.meanChange,
    median: input.medianChange,
  };
}
