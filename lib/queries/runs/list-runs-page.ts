import type { Db } from "../../db/client";
import type { KeysetPage } from "../keyset-cursor";
import { listRunHeadlineMetrics, type RunHeadlineMetrics } from "./list-run-headline-metrics";
import { listRuns, type ListRunsInput, type RunListRow } from "./list-runs";
import { toJsonRow, type JsonRow } from "../to-json-row";

export type RunsPageRow = JsonRow<RunListRow> & { metrics: RunHeadlineMetrics | null };
export type RunsPageData = Omit<KeysetPage<RunsPageRow>, "rows"> & { rows: RunsPageRow[] };

/** The runs list as the page shows it: narrow rows, then headline metrics for just those ids. */
export async function listRunsPage(db: Db, input: ListRunsInput): Promise<RunsPageData> {
  const page = await listRuns(db, input);
  const metrics = await listRunHeadlineMetrics(
    db,
    page.rows.map((r) => r.id),
  );
  return {
    ...page,
    rows: page.rows.map((row) => ({ ...toJsonRow(row), metrics: metrics.get(row.id) ?? null })),
  };
}
