import { BinomialSampler } from "./binomial-sampler";
import { meanOrNull } from "./group-by-problem";
import type { SubmissionGroupCounts } from "./n-at-k";
import { percentile } from "./percentile";
import { createSeededRandom, randomInt, type RandomSource } from "./seeded-random";
import type { EpisodeOutcome } from "./types";

export interface BootstrapOptions {
  /** docs/method.md §7.6: 200. */
  resamples?: number;
  seed?: number;
  lowerPercent?: number;
  upperPercent?: number;
}

export interface BootstrapInterval {
  /** The metric on the full data. */
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  /** Resamples on which the metric was defined (it may return null on some). */
  resamplesUsed: number;
  seed: number;
}

export const DEFAULT_BOOTSTRAP_SEED = 1;

/**
 * Percentile bootstrap over problems ("problem bootstrap"; the paper's App. B.1 resamples rollouts
 * instead, see bootstrapRolloutMean): draw as many problems
 * as there are, with replacement, keep all rollouts of each drawn problem,
 * recompute the metric, repeat. A problem drawn twice enters as two distinct
 * problems (its id gets a copy suffix), so metrics that weigh problems equally
 * weigh it twice, as resampling means to. Works for any metric; for a plain
 * mean of per-problem values bootstrapProblemMean gives the same interval
 * for the same seed, far faster.
 */
export function bootstrapInterval(
  episodes: readonly EpisodeOutcome[],
  metric: (episodes: readonly EpisodeOutcome[]) => number | null,
  options: BootstrapOptions = {},
): BootstrapInterval {
  const byProblem = new Map<string, EpisodeOutcome[]>();
  for (const episode of episodes) {
    const list = byProblem.get(episode.problemId);
    if (list) list.push(episode);
    else byProblem.set(episode.problemId, [episode]);
  }
  const problems = [...byProblem.values()];
  return resample(problems.length, metric(episodes), options, (draw) => {
    const sample: EpisodeOutcome[] = [];
    for (let copy = 0; copy < problems.length; copy++) {
      const drawn = problems[draw()];
      const problemId = `${drawn[0].problemId}#${copy}`;
      for (const episode of drawn) sample.push({ ...episode, problemId });
    }
    return metric(sample);
  });
}

/** The same bootstrap for a metric that is the mean of per-problem values (1@3, pass@k, n@k). */
export function bootstrapProblemMean(perProblem: readonly number[], options: BootstrapOptions = {}): BootstrapInterval {
  return resample(perProblem.length, meanOrNull(perProblem), options, (draw) => {
    let sum = 0;
    for (let copy = 0; copy < perProblem.length; copy++) sum += perProblem[draw()];
    return sum / perProblem.length;
  });
}

/**
 * The paper's bootstrap (App. B.1, "rollout bootstrap"): the problems are held fixed and each problem's
 * results are resampled with replacement, so the interval measures how much the metric would move if
 * the model were sampled again on the same problems. For a mean over problems of per-problem success
 * rates (1@3, pass@1), resampling a problem's n results and counting successes is one
 * Binomial(n, successes/n) draw. Problems with no trials are left out.
 */
export function bootstrapRolloutMean(
  perProblem: readonly { successes: number; trials: number }[],
  options: BootstrapOptions = {},
): BootstrapInterval {
  const cells = perProblem.filter((c) => c.trials > 0);
  const sampler = new BinomialSampler();
  const estimate = meanOrNull(cells.map((c) => c.successes / c.trials));
  return resample(cells.length, estimate, options, (_draw, random) => {
    let sum = 0;
    for (const c of cells) sum += sampler.draw(c.trials, c.successes, random) / c.trials;
    return sum / cells.length;
  });
}

const GROUPS = ["passSolved", "passUnsolved", "failSolved", "failUnsolved"] as const;

/**
 * The rollout bootstrap (App. B.1) for a per-problem metric of rollouts counted by
 * (passed public?, solved?), such as single-turn 1@3: problems held fixed, each problem's n rollouts
 * resampled with replacement (one multinomial draw of its four counts), the metric recomputed per
 * problem and averaged. With a metric that is the solved fraction this is bootstrapRolloutMean.
 */
export function bootstrapRolloutGroups(
  perProblem: readonly SubmissionGroupCounts[],
  metric: (counts: SubmissionGroupCounts) => number,
  options: BootstrapOptions = {},
): BootstrapInterval {
  const cells = perProblem.map((counts) => {
    let total = 0;
    // cumulative upper bounds of the four groups over the rollout index 0..n-1
    const bounds = GROUPS.map((g) => (total += counts[g]));
    return { counts, bounds, total };
  });
  const used = cells.filter((c) => c.total > 0);
  const estimate = meanOrNull(used.map((c) => metric(c.counts)));
  return resample(used.length, estimate, options, (_draw, random) => {
    let sum = 0;
    for (const cell of used) {
      const drawn = [0, 0, 0, 0];
      for (let i = 0; i < cell.total; i++) {
        const index = randomInt(random, cell.total);
        let group = 0;
        while (index >= cell.bounds[group]) group++;
        drawn[group]++;
      }
      sum += metric({ passSolved: drawn[0], passUnsolved: drawn[1], failSolved: drawn[2], failUnsolved: drawn[3] });
    }
    return sum / used.length;
  });
}

function resample(
  problemCount: number,
  estimate: number | null,
  options: BootstrapOptions,
  evaluate: (draw: () => number, random: RandomSource) => number | null,
): BootstrapInterval {
  const resamples = options.resamples ?? 200;
  const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED;
  const random: RandomSource = createSeededRandom(seed);
  const draw = () => randomInt(random, problemCount);
  const values: number[] = [];
  for (let r = 0; r < resamples && problemCount > 0; r++) {
    const value = evaluate(draw, random);
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  values.sort((a, b) => a - b);
  const hasValues = values.length > 0;
  return {
    estimate,
    lower: hasValues ? percentile(values, options.lowerPercent ?? 2.5) : null,
    upper: hasValues ? percentile(values, options.upperPercent ?? 97.5) : null,
    resamplesUsed: values.length,
    seed,
  };
}
