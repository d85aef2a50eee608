import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { encryptEndpointApiKey } from "../../crypto/endpoint-api-key";
import { defineAction } from "../define-action";
import { apiKeyInput, endpointFields } from "./endpoint-input";

export const updateEndpointAction = defineAction({
  name: "updateEndpoint",
  role: PERMISSIONS.manageEndpoints,
  input: z.discriminatedUnion("apiKeyChange", [
    z.object({ id: z.string().min(1), ...endpointFields, apiKeyChange: z.literal("keep") }),
    z.object({ id: z.string().min(1), ...endpointFields, apiKeyChange: z.literal("clear") }),
    z.object({
      id: z.string().min(1),
      ...endpointFields,
      apiKeyChange: z.literal("replace"),
      apiKey: apiKeyInput.min(1, "enter the new key"),
    }),
  ]),
  handler: async (input, { db }) => {
    const { id, name, kind, baseUrl, model } = input;
    const apiKeyEncrypted =
      input.apiKeyChange === "replace" ? encryptEndpointApiKey(id, input.apiKey) : input.apiKeyChange === "clear" ? null : undefined;
    const row = await db.modelEndpoint.update({
      where: { id },
      data: { name, kind, baseUrl, model, ...(apiKeyEncrypted !== undefined ? { apiKeyEncrypted } : {}) },
      select: { id: true, apiKeyEncrypted: true },
    });
    return { id: row.id, hasApiKey: row.apiKeyEncrypted !== null };
  },
});
