import { PERMISSIONS } from "../../auth/roles";
import { fromForm } from "../../config/form-input";
import { trainRunConfigSchema } from "../../config/train-config";
import { enqueue } from "../../jobs/boss";
import { QUEUES } from "../../jobs/queues";
import { createTrainRun } from "../../training/create-train-run";
import { defineAction } from "../define-action";

/**
 * The training form's inputs are named by training-config path ("optimizer.lr", "eval.split");
 * empty ones take the schema's (the paper's) defaults, and errors come back under the inputs' names.
 */
export const launchTrainRunAction = defineAction({
  name: "launchTrainRun",
  role: PERMISSIONS.launchRuns,
  input: fromForm(trainRunConfigSchema),
  handler: async (input, { db, user }) => {
    const run = await createTrainRun(db, input, { launchedById: user.id });
    await enqueue(QUEUES.trainRun, { runId: run.id });
    return { runId: run.id };
  },
});
