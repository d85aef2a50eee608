import { claimNextItem } from "../../annotations/claim-next-item";
import { getClaimStore } from "../../annotations/claim-store";
import { getQueueProgress } from "../../annotations/queue-progress";
import type { QueueSpec } from "../../annotations/queue-spec";
import type { Db } from "../../db/client";
import { getEpisodeReview } from "../../queries/annotation-episode-review";

/** What the queue screen shows after every step: the reviewer's next claimed episode and the progress. */
export async function queueState(db: Db, spec: QueueSpec, userId: string) {
  const store = getClaimStore();
  const episodeId = await claimNextItem(db, store, spec, userId);
  const [episode, progress] = await Promise.all([
    episodeId ? getEpisodeReview(db, episodeId) : null,
    getQueueProgress(db, store, spec, userId),
  ]);
  return { episode, progress };
}

export type QueueState = Awaited<ReturnType<typeof queueState>>;
