import { loadEndpointApiKey } from "../crypto/endpoint-api-key";
import type { Db } from "../db/client";

/** The decrypted API key of the stored endpoint a run evaluates, if it has one (read in the worker, never sent on). */
export async function loadRunApiKey(db: Db, runId: string): Promise<string | undefined> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { endpointId: true } });
  return run.endpointId ? await loadEndpointApiKey(db, run.endpointId) : undefined;
}
