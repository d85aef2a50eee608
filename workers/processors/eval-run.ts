import { getPrisma } from "../../lib/db/client";
import { loadEndpointApiKey } from "../../lib/crypto/endpoint-api-key";
import { executeEvalRun } from "../../lib/runs/execute-eval-run";
import type { RunHandler } from "../../lib/runs/run-leased";

export const processEvalRun: RunHandler = async ({ runId, signal }) => {
  const db = getPrisma();
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { endpointId: true } });
  // a stored endpoint's key is decrypted here, in the worker, and never leaves it
  const apiKey = run.endpointId ? await loadEndpointApiKey(db, run.endpointId) : undefined;
  await executeEvalRun(db, runId, { signal, apiKey });
};
