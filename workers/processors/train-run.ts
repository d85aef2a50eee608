import type { RunHandler } from "../run-leased";

export const processTrainRun: RunHandler = async ({ runId }) => {
  throw new Error(`training runs are not available in this build (run ${runId})`);
};
