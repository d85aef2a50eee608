import { groupByProblem, meanOrNull } from "./group-by-problem";
import type { EpisodeOutcome } from "./types";

export interface TurnSolveRate {
  turn: number;
  /** Mean over problems of the fraction of rollouts solved using at most `turn` replies. */
  rate: number | null;
}

/**
 * Solve rate after turn t = 1..turnLimit. Problems weigh equally, as in 1@3,
 * so the rate after the last turn equals 1@3.
 */
export function solveRateByTurn(episodes: readonly EpisodeOutcome[], turnLimit: number): TurnSolveRate[] {
  const { byProblem } = groupByProblem(episodes);
  const rates: TurnSolveRate[] = [];
  for (let turn = 1; turn <= turnLimit; turn++) {
    const perProblem: number[] = [];
    for (const rollouts of byProblem.values()) {
      const solvedByNow = rollouts.filter((r) => r.solved && r.turns.length <= turn).length;
      perProblem.push(solvedByNow / rollouts.length);
    }
    rates.push({ turn, rate: meanOrNull(perProblem) });
  }
  return rates;
}
