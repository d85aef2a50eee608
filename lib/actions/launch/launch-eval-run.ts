import { PERMISSIONS } from "../../auth/roles";
import { ConfigValidationError } from "../../config/config-error";
import { enqueue } from "../../jobs/boss";
import { QUEUES } from "../../jobs/queues";
import { createEvalRun } from "../../runs/create-eval-run";
import { ActionError } from "../action-result";
import { defineAction } from "../define-action";
import { EVAL_FIELD_OF_PATH, evalConfigFromForm, evalLaunchInputSchema } from "./eval-launch-input";
import { mapFieldErrors } from "./form-number";
import { resolveEvalPolicy } from "./resolve-eval-policy";

/** Validate, write the QUEUED Run row, then enqueue (row first: a job always finds its row). */
export const launchEvalRunAction = defineAction({
  name: "launchEvalRun",
  role: PERMISSIONS.launchRuns,
  input: evalLaunchInputSchema,
  handler: async (input, { db, user }) => {
    const resolved = await resolveEvalPolicy(db, input);
    let run: { id: string; total: number };
    try {
      run = await createEvalRun(db, evalConfigFromForm(input, resolved), {
        launchedById: user.id,
        checkpointId: resolved.checkpointId,
        parentRunId: resolved.parentRunId,
      });
    } catch (err) {
      if (err instanceof ConfigValidationError) {
        throw new ActionError("INVALID_INPUT", "some fields are invalid", mapFieldErrors(err.fieldErrors, EVAL_FIELD_OF_PATH));
      }
      throw err;
    }
    await enqueue(QUEUES.evalRun, { runId: run.id });
    return { runId: run.id, episodes: run.total };
  },
});
