import { claimNextItem } from "./claim-next-item";
import { getClaimStore } from "./claim-store";
import { getQueueProgress } from "./queue-progress";
import type { QueueSpec } from "./queue-spec";
import type { Db } from "../db/client";
import { getEpisodeReview } from "../queries/annotations/annotation-episode-review";

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
