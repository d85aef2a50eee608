import type { Db } from "../../db/client";
import type { KeysetPage } from "../keyset-cursor";
import { listRunHeadlineMetrics, type RunHeadlineMetrics } from "./list-run-headline-metrics";
import { listRuns, type ListRunsInput, type RunListRow } from "./list-runs";
import { joinVisibleRows } from "../join-visible-rows";
import type { JsonRow } from "../to-json-row";

export type RunsPageRow = JsonRow<RunListRow> & { metrics: RunHeadlineMetrics | null };
export type RunsPageData = Omit<KeysetPage<RunsPageRow>, "rows"> & { rows: RunsPageRow[] };

/** The runs list as the page shows it: narrow rows, then headline metrics for just those ids. */
export async function listRunsPage(db: Db, input: ListRunsInput): Promise<RunsPageData> {
  return joinVisibleRows(
    await listRuns(db, input),
    (ids) => listRunHeadlineMetrics(db, ids),
    (metrics) => ({ metrics: metrics ?? null }),
  );
}
