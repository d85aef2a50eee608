import type { Db } from "../../db/client";
import type { KeysetPage } from "../keyset-cursor";
import { listEpisodeLabels, type EpisodeLabel } from "./list-episode-labels";
import { listEpisodes, type EpisodeListRow, type ListEpisodesInput } from "./list-episodes";
import { joinVisibleRows } from "../join-visible-rows";
import type { JsonRow } from "../to-json-row";

export type EpisodesPageRow = JsonRow<EpisodeListRow> & { labels: EpisodeLabel[] };
export type EpisodesPage = Omit<KeysetPage<EpisodesPageRow>, "rows"> & { rows: EpisodesPageRow[] };

/** The episode table's page: narrow rows, then the visible rows' annotation labels. */
export async function listEpisodesPage(db: Db, input: ListEpisodesInput): Promise<EpisodesPage> {
  return joinVisibleRows(
    await listEpisodes(db, input),
    (ids) => listEpisodeLabels(db, ids),
    (labels) => ({ labels: labels ?? [] }),
  );
}
