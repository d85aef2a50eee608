import { percentile } from "../../metrics/percentile";
import { createSeededRandom } from "../../metrics/seeded-random";

export interface ColumnInterval {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  /** problems with a value in this column */
  problems: number;
}

/**
 * Percentile bootstrap over problems for several per-problem columns at once (docs/method.md §7.6: 200
 * resamples, 2.5/97.5 percentiles). Each resample draws the problems once and every column is
 * averaged over the same draw, skipping problems where it has no value (NaN). Sharing the draw is
 * what makes a difference column paired, and it costs one set of random draws instead of one per
 * column: 12 columns × 5,000 problems take tens of milliseconds.
 */
export function bootstrapColumns(columns: readonly Float64Array[], opts: { resamples?: number; seed?: number } = {}): ColumnInterval[] {
  const resamples = opts.resamples ?? 200;
  const n = columns[0]?.length ?? 0;
  const random = createSeededRandom(opts.seed ?? 1);
  const draws = new Uint32Array(n);
  const samples = columns.map(() => [] as number[]);
  for (let r = 0; r < resamples && n > 0; r++) {
    for (let i = 0; i < n; i++) draws[i] = Math.floor(random() * n);
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      let sum = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        const v = column[draws[i]];
        if (v === v) {
          // not NaN
          sum += v;
          count++;
        }
      }
      if (count > 0) samples[c].push(sum / count);
    }
  }
  return columns.map((column, c) => {
    let sum = 0;
    let count = 0;
    for (const v of column)
      if (v === v) {
        sum += v;
        count++;
      }
    const sorted = samples[c].sort((x, y) => x - y);
    return {
      estimate: count ? sum / count : null,
      lower: sorted.length ? percentile(sorted, 2.5) : null,
      upper: sorted.length ? percentile(sorted, 97.5) : null,
      problems: count,
    };
  });
}
