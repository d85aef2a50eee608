import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { encryptEndpointApiKey } from "../../crypto/endpoint-api-key";
import { ActionError } from "../action-result";
import { defineAction } from "../define-action";
import { apiKeyInput, endpointFields } from "./endpoint-input";

export const createEndpointAction = defineAction({
  name: "createEndpoint",
  role: PERMISSIONS.manageEndpoints,
  input: z.object({ ...endpointFields, apiKey: apiKeyInput.optional() }),
  handler: async ({ apiKey, ...fields }, { db }) => {
    const taken = await db.modelEndpoint.findUnique({ where: { name: fields.name }, select: { id: true } });
    if (taken) throw new ActionError("CONFLICT", `an endpoint named ${fields.name} exists`, { name: ["already taken"] });
    // The ciphertext is bound to the row's id, so the row is created first, in the same transaction.
    return db.$transaction(async (tx) => {
      const row = await tx.modelEndpoint.create({ data: fields, select: { id: true } });
      if (apiKey)
        await tx.modelEndpoint.update({ where: { id: row.id }, data: { apiKeyEncrypted: encryptEndpointApiKey(row.id, apiKey) } });
      return { id: row.id, hasApiKey: Boolean(apiKey) };
    });
  },
});
