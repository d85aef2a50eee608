import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { episodeOutcomeSelect } from "./episode-outcome-select";
import { buildEpisodeWhere } from "./build-episode-where";
import type { EpisodeFilters } from "./episode-filters";
import { clampLimit, flipOrder } from "../keyset-condition";
import { decodeCursor, toKeysetPage, type KeysetPage } from "../keyset-cursor";

/** Narrow episode row: outcome columns and the problem's name, never turns or statements. */
export const episodeListSelect = {
  ...episodeOutcomeSelect,
  problemId: true,
  trainStep: true,
  createdAt: true,
  problem: { select: { name: true, externalId: true, difficulty: true, rating: true } },
  checkpoint: { select: { step: true } },
  run: { select: { name: true, policyLabel: true } },
} satisfies Prisma.EpisodeSelect;

export type EpisodeListRow = Prisma.EpisodeGetPayload<{ select: typeof episodeListSelect }>;

export interface ListEpisodesInput {
  runId?: string;
  problemId?: string;
  filters?: EpisodeFilters;
  after?: string | null;
  before?: string | null;
  limit?: number;
}

/**
 * One page of episodes in id order (creation order), keyset on id so each
 * filter walks its `(runId, column, id)` index and stops after `limit + 1` rows.
 */
export async function listEpisodes(db: Db, input: ListEpisodesInput): Promise<KeysetPage<EpisodeListRow>> {
  const limit = clampLimit(input.limit, 50);
  const direction = input.before ? "before" : "after";
  const cursor = decodeCursor(input.before ?? input.after);
  const order = direction === "before" ? flipOrder("asc") : "asc";
  const where = buildEpisodeWhere({ runId: input.runId, problemId: input.problemId }, input.filters ?? {});
  if (cursor) where.id = order === "asc" ? { gt: cursor[1] } : { lt: cursor[1] };
  const fetched = await db.episode.findMany({ where, orderBy: { id: order }, take: limit + 1, select: episodeListSelect });
  return toKeysetPage(fetched, { limit, direction, hadCursor: cursor !== null, keyOf: (row) => [null, row.id] });
}
