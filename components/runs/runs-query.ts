import { queryOptions } from "@tanstack/react-query";
import type { RunsPageData } from "@/lib/queries/runs/list-runs-page";
import { fetchJson } from "@/components/ui/fetch-json";
import { isLiveStatus } from "@/lib/queries/runs/run-filters";

/** One place for the runs list's query key and fetcher; polls while any visible run is live. */
export function runsQueryOptions(search: string, initialData?: RunsPageData) {
  return queryOptions({
    queryKey: ["runs", search],
    queryFn: ({ signal }) => fetchJson<RunsPageData>(`/api/runs?${search}`, signal),
    initialData,
    refetchInterval: (query) => (query.state.data?.rows.some((r) => isLiveStatus(r.status)) ? 3000 : false),
  });
}
