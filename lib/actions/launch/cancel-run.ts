import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { cancelRun } from "../../runs/cancel-run";
import { ActionError } from "../action-result";
import { defineAction } from "../define-action";

/** Mark the run CANCELLED (and its child evals); the worker's heartbeat sees it within seconds and aborts. */
export const cancelRunAction = defineAction({
  name: "cancelRun",
  role: PERMISSIONS.launchRuns,
  input: z.object({ runId: z.string().min(1) }),
  handler: async ({ runId }, { db, user }) => {
    const result = await cancelRun(db, runId, `cancelled by ${user.email}`);
    if (!result) throw new ActionError("NOT_FOUND", "no such run");
    return result;
  },
});
