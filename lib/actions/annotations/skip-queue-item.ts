import { z } from "zod";
import { leaveItem } from "../../annotations/claim-next-item";
import { getClaimStore } from "../../annotations/claim-store";
import { queueSpecSchema } from "../../annotations/queue-spec";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";
import { queueState } from "../../annotations/queue-state";

/** Skipped items stay in the queue for other reviewers; this reviewer does not see them again this session. */
export const skipQueueItemAction = defineAction({
  name: "skipQueueItem",
  role: PERMISSIONS.annotate,
  input: z.object({ queue: queueSpecSchema, episodeId: z.string().min(1) }),
  handler: async ({ queue, episodeId }, { db, user }) => {
    leaveItem(getClaimStore(), queue, episodeId, user.id, { skip: true });
    return queueState(db, queue, user.id);
  },
});
