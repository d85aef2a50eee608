import type { EpisodeOutcome } from "./types";

export interface GroupedEpisodes {
  /** Non-errored episodes per problem, in first-seen problem order. */
  byProblem: Map<string, EpisodeOutcome[]>;
  erroredCount: number;
}

/** Every metric weights problems equally, so they all start from this grouping. */
export function groupByProblem(episodes: readonly EpisodeOutcome[]): GroupedEpisodes {
  const byProblem = new Map<string, EpisodeOutcome[]>();
  let erroredCount = 0;
  for (const episode of episodes) {
    if (episode.errored) {
      erroredCount++;
      continue;
    }
    const list = byProblem.get(episode.problemId);
    if (list) list.push(episode);
    else byProblem.set(episode.problemId, [episode]);
  }
  return { byProblem, erroredCount };
}

/** Mean of per-problem values; null when no problem contributed. */
export function meanOrNull(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
