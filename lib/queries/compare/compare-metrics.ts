import { bootstrapCountColumns, type CountColumn } from "../../metrics/bootstrap-count-columns";
import { bootstrapColumns, type ColumnInterval } from "./compare-bootstrap";
import type { ProblemCounts, ProblemPairRow } from "./compare-problem-rows";

/** Per-problem values of a run, from its ProblemRunStat counts; null when nothing was scored. */
export const PROBLEM_METRICS = {
  solveRate: {
    label: "Solve rate (1@3)",
    description: "mean over problems of the fraction of rollouts whose final code passes all judged tests",
    value: (c: ProblemCounts) => (scored(c) ? c.solved / scored(c) : null),
    counts: (c: ProblemCounts) => [c.solved, scored(c)] as const,
    kind: "rate",
  },
  solvedAny: {
    label: "Solved by any rollout",
    description: "fraction of problems at least one rollout solved",
    value: (c: ProblemCounts) => (scored(c) ? (c.solved > 0 ? 1 : 0) : null),
    counts: (c: ProblemCounts) => [c.solved, scored(c)] as const,
    kind: "any",
  },
  passedPublic: {
    label: "Passes public tests",
    description: "mean over problems of the fraction of rollouts whose final code passes the public tests",
    value: (c: ProblemCounts) => (scored(c) ? c.passedPublic / scored(c) : null),
    counts: (c: ProblemCounts) => [c.passedPublic, scored(c)] as const,
    kind: "rate",
  },
  errored: {
    label: "Errored rollouts",
    description: "fraction of rollouts that ended in an infrastructure error (not scored)",
    value: (c: ProblemCounts) => (c.episodes ? c.errored / c.episodes : null),
    counts: (c: ProblemCounts) => [c.errored, c.episodes] as const,
    kind: "rate",
  },
} as const satisfies Record<
  string,
  {
    label: string;
    description: string;
    value: (c: ProblemCounts) => number | null;
    counts: (c: ProblemCounts) => readonly [number, number];
    kind: CountColumn["kind"];
  }
>;
export type ProblemMetricKey = keyof typeof PROBLEM_METRICS;

function scored(c: ProblemCounts): number {
  return c.episodes - c.errored;
}

export type Interval = ColumnInterval;

export interface MetricComparison {
  key: ProblemMetricKey;
  label: string;
  description: string;
  a: Interval;
  b: Interval;
  /** B − A over the problems both runs scored, bootstrapped as pairs */
  diff: Interval;
  /** the difference's interval excludes 0 */
  significant: boolean;
  /** a, b, diff and significant above are the problem bootstrap; these the rollout bootstrap (App. B.1) */
  rollout: { a: Interval; b: Interval; diff: Interval; significant: boolean };
}

/**
 * Headline metrics of both runs with 95% bootstrap intervals over problems, and the paired
 * difference: each resample draws problems once for both runs and takes B − A per problem, which
 * keeps the correlation between the runs, so the interval is much tighter than comparing two
 * separate ones. All twelve columns share the draws (bootstrapColumns).
 */
export function compareMetrics(rows: readonly ProblemPairRow[], seed = 1): MetricComparison[] {
  const keys = Object.keys(PROBLEM_METRICS) as ProblemMetricKey[];
  const columns: Float64Array[] = [];
  for (const key of keys) {
    const metric = PROBLEM_METRICS[key];
    const a = new Float64Array(rows.length).fill(NaN);
    const b = new Float64Array(rows.length).fill(NaN);
    const diff = new Float64Array(rows.length).fill(NaN);
    rows.forEach((row, i) => {
      const va = row.a ? metric.value(row.a) : null;
      const vb = row.b ? metric.value(row.b) : null;
      if (va !== null) a[i] = va;
      if (vb !== null) b[i] = vb;
      if (va !== null && vb !== null) diff[i] = vb - va;
    });
    columns.push(a, b, diff);
  }
  const intervals = bootstrapColumns(columns, { seed });
  const rollout = rolloutIntervals(rows, keys, seed);
  return keys.map((key, k) => {
    const [a, b, diff] = intervals.slice(3 * k, 3 * k + 3);
    const [ra, rb, rdiff] = rollout.slice(3 * k, 3 * k + 3);
    return {
      key,
      label: PROBLEM_METRICS[key].label,
      description: PROBLEM_METRICS[key].description,
      a,
      b,
      diff,
      significant: excludesZero(diff),
      rollout: { a: ra, b: rb, diff: rdiff, significant: excludesZero(rdiff) },
    };
  });
}

function excludesZero(diff: Interval): boolean {
  return diff.lower !== null && diff.upper !== null && (diff.lower > 0 || diff.upper < 0);
}

/** Each run's rollouts resampled within each problem (the paper's App. B.1), from the same counts. */
function rolloutIntervals(rows: readonly ProblemPairRow[], keys: ProblemMetricKey[], seed: number): Interval[] {
  const columns: CountColumn[] = [];
  const diffs: [number, number][] = [];
  for (const key of keys) {
    const metric = PROBLEM_METRICS[key];
    for (const side of ["a", "b"] as const) {
      const successes = new Int32Array(rows.length);
      const trials = new Int32Array(rows.length);
      rows.forEach((row, i) => {
        const c = row[side];
        if (!c) return;
        const [s, t] = metric.counts(c);
        successes[i] = s;
        trials[i] = t;
      });
      columns.push({ successes, trials, kind: metric.kind });
    }
    diffs.push([columns.length - 2, columns.length - 1]);
  }
  const out = bootstrapCountColumns(columns, diffs, { seed });
  const k = keys.length;
  return keys.flatMap((_, i) => [out[2 * i], out[2 * i + 1], out[2 * k + i]]);
}
