import type { RunHandler } from "../run-leased";

export const processEvalRun: RunHandler = async ({ runId }) => {
  throw new Error(`eval runs are not available in this build (run ${runId})`);
};
