import { z } from "zod";
import type { TokenData } from "./types";

// Tolerant on purpose: vLLM, llama.cpp's server, Ollama's /v1 and OpenAI differ in which fields they
// send (usage may be missing, finish_reason may be null, content may be null with a refusal, content
// may be an array of parts). Unknown fields are kept out of the way, never rejected.

const ids = z.array(z.number().int()).nullish();
const numbers = z.array(z.number()).nullish();

// Fields our trainer adds (trainer/API.md); vLLM's `return_token_ids` uses `token_ids` per choice and
// `prompt_token_ids` at the top level, so both places are read.
const tokenFields = {
  prompt_token_ids: ids,
  completion_token_ids: ids,
  completion_logprobs: numbers,
  policy_version: z.number().int().nullish(),
};

const contentPart = z.looseObject({ type: z.string().optional(), text: z.string().optional() });

const choiceSchema = z.looseObject({
  message: z
    .looseObject({
      content: z.union([z.string(), z.array(contentPart)]).nullish(),
      refusal: z.string().nullish(),
    })
    .nullish(),
  finish_reason: z.string().nullish(),
  logprobs: z.looseObject({ content: z.array(z.looseObject({ logprob: z.number() })).nullish() }).nullish(),
  token_ids: ids,
  ...tokenFields,
});

const responseSchema = z.looseObject({
  choices: z.array(choiceSchema).nullish(),
  usage: z.looseObject({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish() }).nullish(),
  error: z.unknown().optional(),
  ...tokenFields,
});

export interface ParsedCompletion {
  content: string;
  /** set when the model refused (OpenAI): the refusal text is then also the content */
  refusal?: string;
  finishReason?: string;
  promptTokens?: number;
  completionTokens?: number;
  /** behaviour log-probs of the reply's tokens, when the server sent them */
  completionLogprobs?: number[];
  /** complete token data (prompt ids, completion ids, log-probs), when the server sent all of it */
  tokenData?: TokenData;
}

/** The server answered 2xx but the body is not a usable chat completion. */
export class BadCompletionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadCompletionError";
  }
}

export function parseChatCompletion(rawBody: string): ParsedCompletion {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new BadCompletionError(`response body is not JSON: ${excerpt(rawBody)}`);
  }
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadCompletionError(`response field ${issue.path.join(".") || "(root)"}: ${issue.message}; body: ${excerpt(rawBody)}`);
  }
  const body = parsed.data;
  const choice = body.choices?.[0];
  if (!choice) {
    const reason = body.error !== undefined ? `error ${excerpt(JSON.stringify(body.error))}` : "no choices";
    throw new BadCompletionError(`response has ${reason}; body: ${excerpt(rawBody)}`);
  }
  const refusal = choice.message?.refusal ?? undefined;
  const content = messageText(choice.message?.content) ?? refusal ?? "";
  const completionLogprobs = choice.completion_logprobs ?? body.completion_logprobs ?? choice.logprobs?.content?.map((t) => t.logprob);
  return {
    content,
    refusal,
    finishReason: choice.finish_reason ?? undefined,
    promptTokens: body.usage?.prompt_tokens ?? undefined,
    completionTokens: body.usage?.completion_tokens ?? undefined,
    completionLogprobs: completionLogprobs ?? undefined,
    tokenData: tokenDataOf(choice, body, completionLogprobs ?? undefined),
  };
}

function messageText(content: string | Array<z.infer<typeof contentPart>> | null | undefined): string | undefined {
  if (content == null) return undefined;
  if (typeof content === "string") return content;
  return content.map((part) => part.text ?? "").join("");
}

type Choice = z.infer<typeof choiceSchema>;
type Body = z.infer<typeof responseSchema>;

function tokenDataOf(choice: Choice, body: Body, logprobs: number[] | undefined): TokenData | undefined {
  const promptIds = choice.prompt_token_ids ?? body.prompt_token_ids;
  const completionIds = choice.completion_token_ids ?? choice.token_ids ?? body.completion_token_ids;
  if (!promptIds || !completionIds || !logprobs) return undefined;
  if (completionIds.length !== logprobs.length) {
    throw new BadCompletionError(`token data disagrees: ${completionIds.length} completion token ids but ${logprobs.length} log-probs`);
  }
  const policyVersion = choice.policy_version ?? body.policy_version ?? undefined;
  return { promptIds, completionIds, logprobs, ...(policyVersion != null ? { policyVersion } : {}) };
}

export function excerpt(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}… (${flat.length} chars)` : flat;
}
