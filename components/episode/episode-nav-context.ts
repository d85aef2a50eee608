import { episodeFiltersToParams, parseEpisodeFilters, type EpisodeFilters } from "@/lib/queries/episodes/episode-filters";

type Params = Record<string, string | string[] | undefined>;

export interface EpisodeNavContext {
  /** the list j/k walks: a run's episodes, or one problem's episodes across runs */
  scope: { runId?: string; problemId?: string };
  filters: EpisodeFilters;
  /** query string that carries this context to the next episode page */
  query: string;
  /** where "back to the list" goes */
  listHref: string;
}

/**
 * The filtered list an episode page was opened from, read from its URL
 * (`?run=…&outcome=failed…` from a run's table, `?problem=…` from a problem
 * page). Without either, the list is the episode's own run, unfiltered.
 */
export function readEpisodeNavContext(params: Params, episode: { runId: string; problemId: string }): EpisodeNavContext {
  const filters = parseEpisodeFilters(params);
  const run = [params.run].flat()[0];
  const filterQuery = episodeFiltersToParams(filters);
  if (run || !filters.problem) {
    const runId = run ?? episode.runId;
    const query = new URLSearchParams({ run: runId, ...Object.fromEntries(filterQuery) }).toString();
    const listQuery = filterQuery.toString();
    return { scope: { runId }, filters, query, listHref: `/runs/${runId}${listQuery ? `?${listQuery}` : ""}` };
  }
  // problem page context: every episode of this problem, across runs
  return {
    scope: { problemId: filters.problem },
    filters: { ...filters, problem: undefined },
    query: filterQuery.toString(),
    listHref: `/problems/${filters.problem}`,
  };
}

/** The context when the URL names the list (`run` or `problem`), without loading the episode first; else null. */
export function readExplicitNavContext(params: Params): EpisodeNavContext | null {
  const run = [params.run].flat()[0];
  const problem = [params.problem].flat()[0];
  if (!run && !problem) return null;
  return readEpisodeNavContext(params, { runId: run ?? "", problemId: problem ?? "" });
}
