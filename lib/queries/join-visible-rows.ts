import type { KeysetPage } from "./keyset-cursor";
import { toJsonRow, type JsonRow } from "./to-json-row";

/**
 * The rows / aggregates split of a list page: after the narrow rows, one query reads what only the
 * visible rows need, by their ids, and it is joined onto each row (rows go to the browser as JSON).
 */
export async function joinVisibleRows<Row extends { id: string }, Value, Added extends object>(
  page: KeysetPage<Row>,
  loadForIds: (ids: string[]) => Promise<Map<string, Value>>,
  attach: (value: Value | undefined) => Added,
): Promise<KeysetPage<JsonRow<Row> & Added>> {
  const byId = await loadForIds(page.rows.map((r) => r.id));
  return { ...page, rows: page.rows.map((row) => ({ ...toJsonRow(row), ...attach(byId.get(row.id)) })) };
}
