import { chooseRatio } from "./combinatorics";
import { groupByProblem, meanOrNull } from "./group-by-problem";
import type { EpisodeOutcome, ProblemMean } from "./types";

/**
 * Chen et al. (2021) unbiased pass@k from n samples of which c are correct:
 * 1 − C(n−c, k)/C(n, k), evaluated as a product of ratios so it is stable for
 * n in the thousands.
 */
export function passAtKEstimate(n: number, c: number, k: number): number {
  if (!(Number.isInteger(n) && Number.isInteger(c) && Number.isInteger(k))) {
    throw new RangeError(`passAtKEstimate: integers expected, got n=${n} c=${c} k=${k}`);
  }
  if (k < 1 || k > n) throw new RangeError(`passAtKEstimate: need 1 ≤ k ≤ n, got k=${k} n=${n}`);
  if (c < 0 || c > n) throw new RangeError(`passAtKEstimate: need 0 ≤ c ≤ n, got c=${c} n=${n}`);
  if (n - c < k) return 1;
  return 1 - chooseRatio(n - c, n, k);
}

/**
 * pass@k over rollouts (the paper's Fig. 4a): each rollout's final submission
 * is one sample, whatever its number of turns. Problems with fewer than k
 * non-errored rollouts are skipped and counted.
 */
export function passAtK(episodes: readonly EpisodeOutcome[], k: number): ProblemMean {
  const { byProblem } = groupByProblem(episodes);
  const perProblem: number[] = [];
  let skippedProblems = 0;
  for (const rollouts of byProblem.values()) {
    if (rollouts.length < k) {
      skippedProblems++;
      continue;
    }
    const correct = rollouts.filter((r) => r.solved).length;
    perProblem.push(passAtKEstimate(rollouts.length, correct, k));
  }
  return { value: meanOrNull(perProblem), problems: perProblem.length, skippedProblems };
}
