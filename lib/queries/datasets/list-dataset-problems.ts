import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { clampLimit, flipOrder, keysetCondition } from "../keyset-condition";
import { decodeCursor, toKeysetPage, type KeysetPage } from "../keyset-cursor";

/** Narrow problem row: counts and labels, never statements, tests or solutions. */
export const problemListSelect = {
  id: true,
  externalId: true,
  name: true,
  split: true,
  difficulty: true,
  rating: true,
  tags: true,
  timeLimitMs: true,
  memoryLimitBytes: true,
  publicTestCount: true,
  privateTestCount: true,
  generatedTestCount: true,
} satisfies Prisma.ProblemSelect;

export type ProblemListRow = Prisma.ProblemGetPayload<{ select: typeof problemListSelect }>;

export interface DatasetProblemFilterValues {
  split?: string;
  difficulty?: string;
  /** name prefix or substring, case-insensitive */
  q?: string;
}

export function buildProblemWhere(datasetId: string, filters: DatasetProblemFilterValues): Prisma.ProblemWhereInput {
  const where: Prisma.ProblemWhereInput = { datasetId };
  if (filters.split) where.split = filters.split;
  if (filters.difficulty) where.difficulty = filters.difficulty;
  if (filters.q) where.name = { contains: filters.q, mode: "insensitive" };
  return where;
}

/** Problems of a dataset by name, keyset on (name, id) over the (datasetId, split, name) index. */
export async function listDatasetProblems(
  db: Db,
  datasetId: string,
  input: { filters?: DatasetProblemFilterValues; after?: string | null; before?: string | null; limit?: number } = {},
): Promise<KeysetPage<ProblemListRow>> {
  const limit = clampLimit(input.limit, 50);
  const direction = input.before ? "before" : "after";
  const cursor = decodeCursor(input.before ?? input.after);
  const order = direction === "before" ? flipOrder("asc") : "asc";
  const and: Prisma.ProblemWhereInput[] = [buildProblemWhere(datasetId, input.filters ?? {})];
  if (cursor) and.push(keysetCondition("name", cursor[0], cursor[1], order) as Prisma.ProblemWhereInput);
  const fetched = await db.problem.findMany({
    where: { AND: and },
    orderBy: [{ name: order }, { id: order }],
    take: limit + 1,
    select: problemListSelect,
  });
  return toKeysetPage(fetched, { limit, direction, hadCursor: cursor !== null, keyOf: (row) => [row.name, row.id] });
}
