import { PERMISSIONS } from "../../auth/roles";
import { enqueue } from "../../jobs/boss";
import { QUEUES } from "../../jobs/queues";
import { createEvalRun } from "../../runs/create-eval-run";
import { defineAction } from "../define-action";
import { evalLaunchInputSchema, resolveEvalPolicy } from "./resolve-eval-policy";

/**
 * Validate, write the QUEUED Run row, then enqueue (row first: a job always finds its row). The
 * input is the run config by path, so every field error (the schema's, and createEvalRun's dataset
 * and split checks) is already keyed by the form input that caused it.
 */
export const launchEvalRunAction = defineAction({
  name: "launchEvalRun",
  role: PERMISSIONS.launchRuns,
  input: evalLaunchInputSchema,
  handler: async (input, { db, user }) => {
    const resolved = await resolveEvalPolicy(db, input.policy, input.concurrency);
    const run = await createEvalRun(
      db,
      { ...input, policy: resolved.policy },
      {
        launchedById: user.id,
        checkpointId: resolved.checkpointId,
        parentRunId: resolved.parentRunId,
      },
    );
    await enqueue(QUEUES.evalRun, { runId: run.id });
    return { runId: run.id, episodes: run.total };
  },
});
