import type { Db } from "../db/client";
import { buildEpisodeWhere } from "../queries/episodes/build-episode-where";
import type { EpisodeFilters } from "../queries/episodes/episode-filters";
import type { ClaimStore } from "./claim-store";
import type { QueueSpec } from "./queue-spec";

export interface QueueProgress {
  total: number;
  done: number;
  /** items other reviewers hold right now */
  inReviewByOthers: number;
}

export async function getQueueProgress(
  db: Db,
  store: ClaimStore,
  spec: QueueSpec,
  userId: string,
  now = Date.now(),
): Promise<QueueProgress> {
  const where = buildEpisodeWhere({ runId: spec.runId }, spec.filters as EpisodeFilters);
  const others = store.claimedByOthers(userId, now);
  const [total, done, inReviewByOthers] = await Promise.all([
    db.episode.count({ where }),
    db.episode.count({ where: { AND: [where, { annotations: { some: {} } }] } }),
    others.length ? db.episode.count({ where: { AND: [where, { id: { in: others } }, { annotations: { none: {} } }] } }) : 0,
  ]);
  return { total, done, inReviewByOthers };
}
