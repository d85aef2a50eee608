import type { Db } from "../../db/client";
import { buildRunWhere } from "./list-runs";
import type { RunFilters } from "./run-filters";

/** Total runs matching the filters; its own query so it never holds up the rows. */
export function countRuns(db: Db, filters: RunFilters = {}): Promise<number> {
  return db.run.count({ where: buildRunWhere(filters) });
}
