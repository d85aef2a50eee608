import { bootstrapProblemMean } from "../metrics/bootstrap";
import type { ProblemCounts, ProblemPairRow } from "./compare-problem-rows";

/** Per-problem values of a run, from its ProblemRunStat counts; null when nothing was scored. */
export const PROBLEM_METRICS = {
  solveRate: {
    label: "Solve rate (1@3)",
    description: "mean over problems of the fraction of rollouts whose final code passes all judged tests",
    value: (c: ProblemCounts) => scored(c) ? c.solved / scored(c) : null,
  },
  solvedAny: {
    label: "Solved by any rollout",
    description: "fraction of problems at least one rollout solved",
    value: (c: ProblemCounts) => scored(c) ? (c.solved > 0 ? 1 : 0) : null,
  },
  passedPublic: {
    label: "Passes public tests",
    description: "mean over problems of the fraction of rollouts whose final code passes the public tests",
    value: (c: ProblemCounts) => scored(c) ? c.passedPublic / scored(c) : null,
  },
  errored: {
    label: "Errored rollouts",
    description: "fraction of rollouts that ended in an infrastructure error (not scored)",
    value: (c: ProblemCounts) => c.episodes ? c.errored / c.episodes : null,
  },
} as const;
export type ProblemMetricKey = keyof typeof PROBLEM_METRICS;

function scored(c: ProblemCounts): number {
  return c.episodes - c.errored;
}

export interface Interval {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  problems: number;
}

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
}

function interval(values: number[], seed: number): Interval {
  const b = bootstrapProblemMean(values, { seed });
  return { estimate: b.estimate, lower: b.lower, upper: b.upper, problems: values.length };
}

/**
 * Headline metrics of both runs with 95% bootstrap intervals over problems (RLEF.md §5: 200
 * resamples), and the paired difference: resampling problems and taking B − A per problem keeps the
 * correlation between the runs, so the interval is much tighter than comparing two separate ones.
 */
export function compareMetrics(rows: readonly ProblemPairRow[], seed = 1): MetricComparison[] {
  return (Object.keys(PROBLEM_METRICS) as ProblemMetricKey[]).map((key) => {
    const metric = PROBLEM_METRICS[key];
    const aValues: number[] = [];
    const bValues: number[] = [];
    const diffs: number[] = [];
    for (const row of rows) {
      const a = row.a ? metric.value(row.a) : null;
      const b = row.b ? metric.value(row.b) : null;
      if (a !== null) aValues.push(a);
      if (b !== null) bValues.push(b);
      if (a !== null && b !== null) diffs.push(b - a);
    }
    const diff = interval(diffs, seed);
    const significant = diff.lower !== null && diff.upper !== null && (diff.lower > 0 || diff.upper < 0);
    return { key, label: metric.label, description: metric.description, a: interval(aValues, seed), b: interval(bValues, seed), diff, significant };
  });
}
