import { getPrisma } from "../../lib/db/client";
import { executeEvalRun } from "../../lib/runs/execute-eval-run";
import type { RunHandler } from "../../lib/runs/run-leased";

export const processEvalRun: RunHandler = async ({ runId, signal }) => {
  await executeEvalRun(getPrisma(), runId, { signal });
};
