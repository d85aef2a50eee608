import { getPrisma } from "../../lib/db/client";
import { createSandboxEnvironment } from "../../lib/episode/sandbox-environment";
import type { RunHandler } from "../../lib/runs/run-leased";
import { executeTrainRun } from "../../lib/training/execute-train-run";

export const processTrainRun: RunHandler = async ({ runId, signal }) => {
  await executeTrainRun(getPrisma(), runId, { env: createSandboxEnvironment(), signal });
};
