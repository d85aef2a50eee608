import { z } from "zod";
import {
  episodeFiltersSchema,
  episodeFiltersToParams,
  parseEpisodeFilters,
  type EpisodeFilters,
} from "../queries/episodes/episode-filters";

/**
 * A queue is a run plus the episode table's filters (e.g. all failed episodes of a run), so any view
 * of the run page can become a queue and its URL is the queue's identity. An item is done once it
 * has an annotation.
 */
export const queueSpecSchema = z.object({
  runId: z.string().min(1),
  filters: episodeFiltersSchema.default({}),
});
export type QueueSpec = z.infer<typeof queueSpecSchema>;

export function queueKey(spec: QueueSpec): string {
  return `${spec.runId}?${episodeFiltersToParams(spec.filters as EpisodeFilters).toString()}`;
}

/** `/annotations/queue?run=…&outcome=failed` → spec; null without a run. */
export function queueSpecFromParams(params: URLSearchParams | Record<string, string | string[] | undefined>): QueueSpec | null {
  const run = params instanceof URLSearchParams ? params.get("run") : [params.run].flat()[0];
  if (!run) return null;
  return { runId: run, filters: parseEpisodeFilters(params) };
}

export function queueHref(spec: QueueSpec): string {
  const params = episodeFiltersToParams(spec.filters as EpisodeFilters);
  params.set("run", spec.runId);
  return `/annotations/queue?${params.toString()}`;
}
