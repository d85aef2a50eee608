/**
 * The two confidence intervals every CI in the product is one of, named so a reader cannot confuse them
 * (issue 10.8). Both are percentile bootstraps (2.5/97.5, 200 resamples by default); they answer
 * different questions and on CodeContests-sized data differ by more than 10× in width.
 */
export const INTERVAL_METHODS = {
  rollout: {
    label: "rollout bootstrap (paper, App. B.1)",
    description:
      "resamples each problem's rollouts with replacement, problems held fixed: the uncertainty from sampling the model on these problems (the paper's intervals)",
  },
  problem: {
    label: "problem bootstrap",
    description:
      "resamples problems with replacement, each with all its rollouts: the uncertainty from which problems the benchmark happens to contain",
  },
} as const;

export type IntervalMethod = keyof typeof INTERVAL_METHODS;

export interface LabelledInterval {
  method: IntervalMethod;
  label: string;
  /** 0.95 for the 2.5/97.5 percentiles */
  level: number;
  lower: number | null;
  upper: number | null;
  /** resamples drawn */
  resamples: number;
  /** resamples on which the metric was defined */
  resamplesUsed: number;
  seed: number;
}

export function labelInterval(
  method: IntervalMethod,
  interval: { lower: number | null; upper: number | null; resamplesUsed: number; seed: number },
  resamples: number,
): LabelledInterval {
  return {
    method,
    label: INTERVAL_METHODS[method].label,
    level: 0.95,
    lower: interval.lower,
    upper: interval.upper,
    resamples,
    resamplesUsed: interval.resamplesUsed,
    seed: interval.seed,
  };
}
