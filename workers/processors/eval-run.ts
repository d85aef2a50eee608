import { loadRunApiKey } from "../../lib/crypto/endpoint-api-key";
import { getPrisma } from "../../lib/db/client";
import { executeEvalRun } from "../../lib/runs/execute-eval-run";
import type { RunHandler } from "../../lib/runs/run-leased";

export const processEvalRun: RunHandler = async ({ runId, signal }) => {
  const db = getPrisma();
  // a stored endpoint's key is decrypted here, in the worker, and never leaves it
  const apiKey = await loadRunApiKey(db, runId);
  await executeEvalRun(db, runId, { signal, apiKey });
};
