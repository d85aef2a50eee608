import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { ActionError } from "../action-result";
import { defineAction } from "../define-action";

/**
 * Mark the run CANCELLED; the worker's heartbeat sees it within seconds and aborts. Child eval runs
 * of a training run that are still going are cancelled with it.
 */
export const cancelRunAction = defineAction({
  name: "cancelRun",
  role: PERMISSIONS.launchRuns,
  input: z.object({ runId: z.string().min(1) }),
  handler: async ({ runId }, { db, user }) => {
    const active = ["QUEUED", "RUNNING", "PAUSED"] as const;
    const reason = `cancelled by ${user.email}`;
    const updated = await db.run.updateMany({
      where: { id: runId, status: { in: [...active] } },
      data: { status: "CANCELLED", statusReason: reason, finishedAt: new Date() },
    });
    if (updated.count === 0) {
      const run = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
      if (!run) throw new ActionError("NOT_FOUND", "no such run");
      return { runId, status: run.status, changed: false };
    }
    await db.run.updateMany({
      where: { parentRunId: runId, status: { in: [...active] } },
      data: { status: "CANCELLED", statusReason: `${reason} (parent training run)`, finishedAt: new Date() },
    });
    return { runId, status: "CANCELLED" as const, changed: true };
  },
});
