import { PERMISSIONS } from "../../auth/roles";
import { ConfigValidationError } from "../../config/config-error";
import { enqueue } from "../../jobs/boss";
import { QUEUES } from "../../jobs/queues";
import { ActionError } from "../action-result";
import { defineAction } from "../define-action";
import { createTrainRun } from "../../training/create-train-run";
import { mapFieldErrors } from "./form-number";
import { TRAIN_FIELD_OF_PATH, trainConfigFromForm, trainLaunchInputSchema } from "./train-launch-input";

export const launchTrainRunAction = defineAction({
  name: "launchTrainRun",
  role: PERMISSIONS.launchRuns,
  input: trainLaunchInputSchema,
  handler: async (input, { db, user }) => {
    let run: { id: string };
    try {
      run = await createTrainRun(db, trainConfigFromForm(input), { launchedById: user.id });
    } catch (err) {
      if (err instanceof ConfigValidationError) {
        throw new ActionError("INVALID_INPUT", "some fields are invalid", mapFieldErrors(err.fieldErrors, TRAIN_FIELD_OF_PATH));
      }
      throw err;
    }
    await enqueue(QUEUES.trainRun, { runId: run.id });
    return { runId: run.id };
  },
});
