import { queryOptions } from "@tanstack/react-query";
import type { RunProgress } from "@/lib/queries/runs/get-run-progress";
import type { JsonRow } from "@/lib/queries/to-json-row";
import { fetchJson } from "@/components/ui/fetch-json";
import { isLiveStatus } from "@/lib/queries/runs/run-filters";

export type RunProgressJson = JsonRow<RunProgress>;

/** A run's live counters; polls every 2 s while the run is queued or running, then stops. */
export function runProgressQueryOptions(runId: string, initialData: RunProgressJson) {
  return queryOptions({
    queryKey: ["run-progress", runId],
    queryFn: ({ signal }) => fetchJson<RunProgressJson>(`/api/runs/${runId}/progress`, signal),
    initialData,
    refetchInterval: (query) => (query.state.data && isLiveStatus(query.state.data.status) ? 2000 : false),
  });
}
