import type { IncomingHttpHeaders } from "node:http";
import type { ChatMessage } from "../../policy/types";

/** One request the fake received, kept so tests can assert exactly what a client sent. */
export interface FakeChatRequest {
  /** 0-based arrival order */
  index: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** the body exactly as received (UTF-8), for byte-for-byte assertions */
  rawBody: string;
  /** the body parsed as JSON, undefined when it was not JSON */
  body: Record<string, unknown> | undefined;
  /** body.messages when it is an array (else empty) */
  messages: ChatMessage[];
  model?: string;
  /** Date.now() when the request's body had been read */
  receivedAt: number;
}

/** A successful chat completion; every field optional. */
export interface FakeCompletion {
  content?: string | null;
  refusal?: string;
  finishReason?: string | null;
  /** null leaves `usage` out of the reply (as some servers do); default: word counts */
  usage?: { promptTokens: number; completionTokens: number } | null;
  /** OpenAI-style `choices[0].logprobs.content[].logprob` */
  logprobs?: number[];
  /** the trainer's extra fields (prompt_token_ids, completion_token_ids, completion_logprobs, policy_version) */
  tokenData?: { promptIds: number[]; completionIds: number[]; logprobs: number[]; policyVersion?: number };
  /** wait this long before answering */
  delayMs?: number;
}

/** A raw HTTP answer: any status, body (objects are sent as JSON) and headers. */
export interface FakeHttpReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

/**
 * Failures below HTTP: "hang" never answers (until the client gives up or the fake closes), "reset"
 * destroys the connection, "malformed-json" answers 200 with a truncated JSON body.
 */
export interface FakeFault {
  fault: "hang" | "reset" | "malformed-json";
  delayMs?: number;
}

/** A bare string is the assistant's content. */
export type FakeReply = string | FakeCompletion | FakeHttpReply | FakeFault;

export type FakeResponder = (request: FakeChatRequest) => FakeReply | Promise<FakeReply>;

export function isFault(reply: FakeReply): reply is FakeFault {
  return typeof reply === "object" && "fault" in reply;
}

export function isHttpReply(reply: FakeReply): reply is FakeHttpReply {
  return typeof reply === "object" && "status" in reply;
}

/** The JSON body of a chat completion, shaped like vLLM's and OpenAI's. */
export function completionBody(request: FakeChatRequest, reply: string | FakeCompletion): Record<string, unknown> {
  const completion: FakeCompletion = typeof reply === "string" ? { content: reply } : reply;
  const content = completion.content === undefined ? "" : completion.content;
  const usage =
    completion.usage === null
      ? undefined
      : (completion.usage ?? {
          promptTokens: countWords(request.messages.map((m) => m.content).join(" ")),
          completionTokens: countWords(content ?? ""),
        });
  const choice: Record<string, unknown> = {
    index: 0,
    message: {
      role: "assistant",
      content,
      ...(completion.refusal !== undefined ? { refusal: completion.refusal } : {}),
    },
    finish_reason: completion.finishReason === undefined ? "stop" : completion.finishReason,
    logprobs: completion.logprobs
      ? { content: completion.logprobs.map((logprob) => ({ token: "", logprob, bytes: [], top_logprobs: [] })) }
      : null,
  };
  if (completion.tokenData) {
    choice.prompt_token_ids = completion.tokenData.promptIds;
    choice.completion_token_ids = completion.tokenData.completionIds;
    choice.completion_logprobs = completion.tokenData.logprobs;
    if (completion.tokenData.policyVersion !== undefined) choice.policy_version = completion.tokenData.policyVersion;
  }
  return {
    id: `chatcmpl-fake-${request.index}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: request.model ?? "fake-model",
    choices: [choice],
    ...(usage
      ? {
          usage: {
            prompt_tokens: usage.promptTokens,
            completion_tokens: usage.completionTokens,
            total_tokens: usage.promptTokens + usage.completionTokens,
          },
        }
      : {}),
  };
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
