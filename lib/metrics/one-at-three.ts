import { groupByProblem, meanOrNull } from "./group-by-problem";
import type { EpisodeOutcome, ProblemMean } from "./types";

/** Per problem (first-seen order): the fraction of non-errored rollouts solved. */
export function solveRatesByProblem(episodes: readonly EpisodeOutcome[]): number[] {
  const rates: number[] = [];
  for (const rollouts of groupByProblem(episodes).byProblem.values()) {
    rates.push(rollouts.filter((r) => r.solved).length / rollouts.length);
  }
  return rates;
}

/**
 * 1@3 (docs/method.md §7.2): per problem the fraction of rollouts whose final
 * submission passes all judged tests, averaged over problems with equal weight.
 * One rollout of up to three turns is one "1@3" trial, so this is the exact
 * expectation of drawing one rollout per problem. Errored episodes are excluded.
 */
export function oneAtThree(episodes: readonly EpisodeOutcome[]): ProblemMean {
  const perProblem = solveRatesByProblem(episodes);
  return { value: meanOrNull(perProblem), problems: perProblem.length, skippedProblems: 0 };
}
