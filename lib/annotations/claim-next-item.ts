import type { Db } from "../db/client";
import { buildEpisodeWhere } from "../queries/episodes/build-episode-where";
import type { EpisodeFilters } from "../queries/episodes/episode-filters";
import type { ClaimStore } from "./claim-store";
import { queueKey, type QueueSpec } from "./queue-spec";

/**
 * The episode this reviewer should look at next, claimed for them. The item they are already on comes
 * first (a reload shows the same episode) while it is theirs and unannotated; otherwise the first
 * episode (by id) of the queue that has no annotation, is not held by another reviewer and was not
 * skipped by this one. Null when nothing is left for them.
 */
export async function claimNextItem(db: Db, store: ClaimStore, spec: QueueSpec, userId: string, now = Date.now()): Promise<string | null> {
  const key = queueKey(spec);
  const where = buildEpisodeWhere({ runId: spec.runId }, spec.filters as EpisodeFilters);
  const pending = { annotations: { none: {} } };

  const current = store.current(key, userId);
  if (current && store.claim(current, userId, now)) {
    const still = await db.episode.findFirst({ where: { AND: [where, pending, { id: current }] }, select: { id: true } });
    if (still) return still.id;
    store.release(current, userId);
  }
  store.setCurrent(key, userId, undefined);

  const exclude = new Set([...store.claimedByOthers(userId, now), ...store.skippedBy(key, userId)]);
  // Another request may claim the row between our read and our claim; then we look again without it.
  for (let attempt = 0; attempt < 20; attempt++) {
    const next = await db.episode.findFirst({
      where: { AND: [where, pending, { id: { notIn: [...exclude] } }] },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    if (!next) return null;
    if (store.claim(next.id, userId, now)) {
      store.setCurrent(key, userId, next.id);
      return next.id;
    }
    exclude.add(next.id);
  }
  return null;
}

/** Leave the current item (after annotating or skipping it) so the next call moves on. */
export function leaveItem(store: ClaimStore, spec: QueueSpec, episodeId: string, userId: string, opts: { skip: boolean }): void {
  const key = queueKey(spec);
  if (opts.skip) store.skip(key, episodeId, userId);
  store.release(episodeId, userId);
  if (store.current(key, userId) === episodeId) store.setCurrent(key, userId, undefined);
}
