import { getPrisma } from "../../lib/db/client";
import type { RunHandler } from "../../lib/runs/run-leased";
import { executeTrainRun } from "../../lib/training/execute-train-run";

export const processTrainRun: RunHandler = async ({ runId, signal }) => {
  await executeTrainRun(getPrisma(), runId, { signal });
};
