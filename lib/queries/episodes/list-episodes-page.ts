import type { Db } from "../../db/client";
import type { KeysetPage } from "../keyset-cursor";
import { listEpisodeLabels, type EpisodeLabel } from "./list-episode-labels";
import { listEpisodes, type EpisodeListRow, type ListEpisodesInput } from "./list-episodes";
import { toJsonRow, type JsonRow } from "../to-json-row";

export type EpisodesPageRow = JsonRow<EpisodeListRow> & { labels: EpisodeLabel[] };
export type EpisodesPage = Omit<KeysetPage<EpisodesPageRow>, "rows"> & { rows: EpisodesPageRow[] };

/** The episode table's page: narrow rows, then the visible rows' annotation labels. */
export async function listEpisodesPage(db: Db, input: ListEpisodesInput): Promise<EpisodesPage> {
  const page = await listEpisodes(db, input);
  const labels = await listEpisodeLabels(
    db,
    page.rows.map((r) => r.id),
  );
  return { ...page, rows: page.rows.map((row) => ({ ...toJsonRow(row), labels: labels.get(row.id) ?? [] })) };
}
