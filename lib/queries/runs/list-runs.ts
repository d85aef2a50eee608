import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { clampLimit, flipOrder, keysetCondition } from "../keyset-condition";
import { decodeCursor, toKeysetPage, type CursorKey, type KeysetPage } from "../keyset-cursor";
import type { RunFilters } from "./run-filters";
import { runStatusSelect } from "./run-status-select";

/** Narrow row for the runs list: no config, no summary (headline metrics come from listRunHeadlineMetrics). */
export const runListSelect = {
  ...runStatusSelect,
  kind: true,
  name: true,
  split: true,
  policyLabel: true,
  createdAt: true,
  dataset: { select: { id: true, name: true } },
  checkpoint: { select: { id: true, step: true, runId: true } },
  launchedBy: { select: { name: true, email: true } },
} satisfies Prisma.RunSelect;

export type RunListRow = Prisma.RunGetPayload<{ select: typeof runListSelect }>;

export function buildRunWhere(filters: RunFilters): Prisma.RunWhereInput {
  const where: Prisma.RunWhereInput = {};
  if (filters.kind) where.kind = filters.kind;
  if (filters.status) where.status = filters.status;
  if (filters.dataset) where.datasetId = filters.dataset;
  if (filters.q) where.name = { contains: filters.q, mode: "insensitive" };
  return where;
}

function sortSpec(sort: RunFilters["sort"]): { field: "createdAt" | "name"; order: "asc" | "desc" } {
  if (sort === "oldest") return { field: "createdAt", order: "asc" };
  if (sort === "name") return { field: "name", order: "asc" };
  return { field: "createdAt", order: "desc" };
}

export interface ListRunsInput {
  filters?: RunFilters;
  after?: string | null;
  before?: string | null;
  limit?: number;
}

/** One page of runs, newest first by default; keyset on (createdAt|name, id). */
export async function listRuns(db: Db, input: ListRunsInput = {}): Promise<KeysetPage<RunListRow>> {
  const filters = input.filters ?? {};
  const limit = clampLimit(input.limit, 25);
  const { field, order } = sortSpec(filters.sort);
  const direction = input.before ? "before" : "after";
  const cursor = decodeCursor(input.before ?? input.after);
  const walkOrder = direction === "before" ? flipOrder(order) : order;

  const and: Prisma.RunWhereInput[] = [buildRunWhere(filters)];
  if (cursor) {
    const value = field === "createdAt" ? new Date(String(cursor[0])) : cursor[0];
    and.push(keysetCondition(field, value, cursor[1], walkOrder) as Prisma.RunWhereInput);
  }
  const fetched = await db.run.findMany({
    where: { AND: and },
    orderBy: [{ [field]: walkOrder }, { id: walkOrder }],
    take: limit + 1,
    select: runListSelect,
  });
  const keyOf = (row: RunListRow): CursorKey => [field === "createdAt" ? row.createdAt.toISOString() : row.name, row.id];
  return toKeysetPage(fetched, { limit, direction, hadCursor: cursor !== null, keyOf });
}
