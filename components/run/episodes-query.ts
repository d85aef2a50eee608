import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { EpisodesPage } from "@/lib/queries/episodes/list-episodes-page";
import { fetchJson } from "@/components/ui/fetch-json";

/** The episode table's page query; the previous page stays on screen while the next one loads. */
export function episodesQueryOptions(runId: string, search: string, opts: { initialData?: EpisodesPage; live: boolean }) {
  return queryOptions({
    queryKey: ["episodes", runId, search],
    queryFn: ({ signal }) => fetchJson<EpisodesPage>(`/api/runs/${runId}/episodes?${search}`, signal),
    initialData: opts.initialData,
    placeholderData: keepPreviousData,
    refetchInterval: opts.live ? 5000 : false,
  });
}

/** The matching total, its own query so it never holds up the rows. */
export function episodeCountQueryOptions(runId: string, filterSearch: string, live: boolean) {
  return queryOptions({
    queryKey: ["episodes-count", runId, filterSearch],
    queryFn: ({ signal }) => fetchJson<{ count: number }>(`/api/runs/${runId}/episodes/count?${filterSearch}`, signal),
    refetchInterval: live ? 5000 : false,
  });
}
