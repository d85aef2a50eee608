import { z } from "zod";
import { queueSpecSchema } from "../../annotations/queue-spec";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";
import { queueState } from "../../annotations/queue-state";

/** Claims count as writes: a viewer holding items would block annotators. */
export const claimQueueItemAction = defineAction({
  name: "claimQueueItem",
  role: PERMISSIONS.annotate,
  input: z.object({ queue: queueSpecSchema }),
  handler: async ({ queue }, { db, user }) => queueState(db, queue, user.id),
});
