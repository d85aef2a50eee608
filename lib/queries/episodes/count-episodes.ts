import type { Db } from "../../db/client";
import { buildEpisodeWhere } from "./build-episode-where";
import type { EpisodeFilters } from "./episode-filters";

/** Matching episodes for the table's total; fetched beside the rows, never before them. */
export function countEpisodes(db: Db, scope: { runId?: string; problemId?: string }, filters: EpisodeFilters = {}): Promise<number> {
  return db.episode.count({ where: buildEpisodeWhere(scope, filters) });
}
