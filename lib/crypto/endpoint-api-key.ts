import type { Db } from "../db/client";
import { decryptSecret, encryptSecret } from "./encrypt-secret";

// The endpoint's id is the associated data: a key copied onto another endpoint's row does not decrypt.
const context = (endpointId: string) => `ModelEndpoint:${endpointId}:apiKey`;

export function encryptEndpointApiKey(endpointId: string, apiKey: string): string {
  return encryptSecret(apiKey, context(endpointId));
}

/** For the worker only: the plaintext key of a stored endpoint, or undefined when it has none. */
export async function loadEndpointApiKey(db: Db, endpointId: string): Promise<string | undefined> {
  const row = await db.modelEndpoint.findUnique({ where: { id: endpointId }, select: { apiKeyEncrypted: true } });
  if (!row) throw new Error(`model endpoint ${endpointId} no longer exists`);
  return row.apiKeyEncrypted ? decryptSecret(row.apiKeyEncrypted, context(endpointId)) : undefined;
}

/** For the worker only: the key of the stored endpoint a run evaluates, if it has one. */
export async function loadRunApiKey(db: Db, runId: string): Promise<string | undefined> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { endpointId: true } });
  return run.endpointId ? await loadEndpointApiKey(db, run.endpointId) : undefined;
}
