import type { Db } from "../../db/client";
import { buildEpisodeWhere } from "./build-episode-where";
import type { EpisodeFilters } from "./episode-filters";

export interface AdjacentEpisodes {
  previousId: string | null;
  nextId: string | null;
}

/**
 * The episodes before and after `episodeId` in the same filtered list the
 * table shows (id order), for keyboard navigation: two index-only lookups.
 */
export async function findAdjacentEpisodes(
  db: Db,
  episodeId: string,
  scope: { runId?: string; problemId?: string },
  filters: EpisodeFilters,
): Promise<AdjacentEpisodes> {
  const base = buildEpisodeWhere(scope, filters);
  const [previous, next] = await Promise.all([
    db.episode.findFirst({ where: { ...base, id: { lt: episodeId } }, orderBy: { id: "desc" }, select: { id: true } }),
    db.episode.findFirst({ where: { ...base, id: { gt: episodeId } }, orderBy: { id: "asc" }, select: { id: true } }),
  ]);
  return { previousId: previous?.id ?? null, nextId: next?.id ?? null };
}
