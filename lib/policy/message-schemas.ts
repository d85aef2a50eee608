import { z } from "zod";
import type { ChatMessage, TokenData } from "./types";

/**
 * ChatMessage and TokenData (types.ts) as they are read back from the database (Turn.messages,
 * Turn.tokenData). The `satisfies` ties each schema to its type: a field added to the type and not
 * here does not compile.
 */
export const chatMessageSchema = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string(),
  tokenIds: z.array(z.number().int()).optional(),
}) satisfies z.ZodType<ChatMessage, unknown>;

export const chatMessagesSchema = z.array(chatMessageSchema);

export const tokenDataSchema = z.object({
  promptIds: z.array(z.number().int()),
  completionIds: z.array(z.number().int()),
  logprobs: z.array(z.number()),
  policyVersion: z.number().int().optional(),
}) satisfies z.ZodType<TokenData, unknown>;
