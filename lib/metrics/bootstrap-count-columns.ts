import { BinomialSampler } from "./binomial-sampler";
import { percentile } from "./percentile";
import { createSeededRandom } from "./seeded-random";

/**
 * Per-problem counts of one metric of one run: `successes` of `trials` rollouts (trials 0 = no value
 * for that problem). "rate" averages successes/trials over problems; "any" averages "at least one success".
 */
export interface CountColumn {
  successes: ArrayLike<number>;
  trials: ArrayLike<number>;
  kind: "rate" | "any";
}

export interface CountInterval {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  /** problems with a value */
  problems: number;
}

/**
 * The rollout bootstrap (the paper's App. B.1) for several count columns at once: problems are held
 * fixed and each problem's rollouts are resampled with replacement (one exact Binomial draw per
 * problem, column and resample). `diffs` names column pairs [a, b] whose per-problem difference b − a
 * is averaged over the problems both have; the two runs' rollouts are independent, so each is
 * resampled on its own. Returns the columns' intervals, then the differences'.
 */
export function bootstrapCountColumns(
  columns: readonly CountColumn[],
  diffs: readonly (readonly [number, number])[],
  opts: { resamples?: number; seed?: number } = {},
): CountInterval[] {
  const resamples = opts.resamples ?? 200;
  const n = columns[0]?.trials.length ?? 0;
  const random = createSeededRandom(opts.seed ?? 1);
  const sampler = new BinomialSampler();
  const valueOf = (c: CountColumn, s: number, t: number) => (c.kind === "any" ? (s > 0 ? 1 : 0) : s / t);
  const drawn = columns.map(() => new Float64Array(n));
  const samples = [...columns, ...diffs].map(() => [] as number[]);
  for (let r = 0; r < resamples && n > 0; r++) {
    columns.forEach((c, ci) => {
      const out = drawn[ci];
      let sum = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        const t = c.trials[i];
        if (t <= 0) {
          out[i] = NaN;
          continue;
        }
        out[i] = valueOf(c, sampler.draw(t, c.successes[i], random), t);
        sum += out[i];
        count++;
      }
      if (count) samples[ci].push(sum / count);
    });
    diffs.forEach(([a, b], di) => {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        const d = drawn[b][i] - drawn[a][i];
        if (d === d) {
          sum += d;
          count++;
        }
      }
      if (count) samples[columns.length + di].push(sum / count);
    });
  }
  const observed = columns.map((c) =>
    Array.from({ length: n }, (_, i) => (c.trials[i] > 0 ? valueOf(c, c.successes[i], c.trials[i]) : NaN)),
  );
  const estimates = [...observed.map(mean), ...diffs.map(([a, b]) => mean(observed[b].map((v, i) => v - observed[a][i])))];
  return samples.map((values, k) => {
    const sorted = values.sort((x, y) => x - y);
    return {
      estimate: estimates[k].value,
      lower: sorted.length ? percentile(sorted, 2.5) : null,
      upper: sorted.length ? percentile(sorted, 97.5) : null,
      problems: estimates[k].count,
    };
  });
}

function mean(values: readonly number[]): { value: number | null; count: number } {
  let sum = 0;
  let count = 0;
  for (const v of values)
    if (v === v) {
      sum += v;
      count++;
    }
  return { value: count ? sum / count : null, count };
}
