import { z } from "zod";
import { leaveItem } from "../../annotations/claim-next-item";
import { getClaimStore } from "../../annotations/claim-store";
import { queueSpecSchema } from "../../annotations/queue-spec";
import { PERMISSIONS } from "../../auth/roles";
import { ActionError } from "../action-result";
import { defineAction } from "../define-action";
import { annotationBodyInput } from "./annotation-input";
import { queueState } from "../../annotations/queue-state";
import { writeAnnotation } from "./write-annotation";

/** Annotate the claimed episode, leave it, and claim the next one in one round trip. */
export const submitQueueItemAction = defineAction({
  name: "submitQueueItem",
  role: PERMISSIONS.annotate,
  input: z.object({ queue: queueSpecSchema, episodeId: z.string().min(1), ...annotationBodyInput }),
  handler: async ({ queue, episodeId, ...body }, { db, user }) => {
    const store = getClaimStore();
    const holder = store.holder(episodeId, Date.now());
    if (holder && holder !== user.id) {
      throw new ActionError("CONFLICT", "your claim on this episode expired and another reviewer took it; moving on");
    }
    await writeAnnotation(db, episodeId, body, user.id);
    leaveItem(store, queue, episodeId, user.id, { skip: false });
    return queueState(db, queue, user.id);
  },
});
