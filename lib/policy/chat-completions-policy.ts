import type { SamplingConfig } from "../config/run-config";
import { chatCompletionsUrl } from "./chat-completions-url";
import { isContextLengthError } from "./context-length-error";
import { deriveSampleSeed } from "./derive-seed";
import { endpointLimiter } from "./endpoint-limiters";
import { BadCompletionError, parseChatCompletion } from "./parse-chat-completion";
import { postWithRetries } from "./post-with-retries";
import { PolicyError, type ChatMessage, type Policy, type PolicyCallContext, type PolicyReply } from "./types";

/** Knobs a caller (or a test) may set beyond the run config. */
export interface ChatClientOptions {
  /** API key; wins over the config's apiKeyEnv (the caller decrypts an endpoint's stored secret into it) */
  apiKey?: string;
  /** first backoff step; doubles per retry (default 1000 ms) */
  backoffBaseMs?: number;
  /** cap of one backoff step (default 30 s) */
  backoffMaxMs?: number;
  /** cap on a server's Retry-After (default 5 min) */
  maxRetryAfterMs?: number;
  /** random source for the jitter (default Math.random) */
  random?: () => number;
}

export interface ChatEndpointSettings {
  label: string;
  baseUrl: string;
  model: string;
  maxConcurrency: number;
  requestTimeoutMs: number;
  maxRetries: number;
  apiKey?: string;
  /** fields added to every request body (e.g. logprobs, return_token_ids) */
  extraBody?: Record<string, unknown>;
  /** fail a reply that lacks prompt/completion token ids and log-probs (the trainer must send them) */
  requireTokenData?: boolean;
  /** send assistant messages' exact sampled ids as `token_ids` (our trainer renders history from them) */
  sendTokenIds?: boolean;
}

/** A PolicyReply plus what the client knows about the call; extra fields are ignored by plain readers. */
export interface ChatCompletionReply extends PolicyReply {
  /** attempts it took, 1 when the first request succeeded */
  attempts: number;
  /** wall time of the whole call: queueing for a slot, failed attempts and backoff included */
  totalMs: number;
  /** the model's refusal text (OpenAI), also used as the content */
  refusal?: string;
  /** behaviour log-probs of the reply's tokens when the server sent them without token ids */
  completionLogprobs?: number[];
}

export interface ChatCompletionsPolicy extends Policy {
  /** the exact URL requests go to (see chatCompletionsUrl for the rule) */
  readonly url: string;
  complete(messages: ChatMessage[], ctx: PolicyCallContext): Promise<ChatCompletionReply>;
}

export function createChatCompletionsPolicy(
  endpoint: ChatEndpointSettings,
  sampling: SamplingConfig,
  options: ChatClientOptions = {},
): ChatCompletionsPolicy {
  const url = chatCompletionsUrl(endpoint.baseUrl);
  const limiter = endpointLimiter(url, endpoint.model, endpoint.maxConcurrency);
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;

  async function complete(messages: ChatMessage[], ctx: PolicyCallContext): Promise<ChatCompletionReply> {
    const started = performance.now();
    const body = JSON.stringify({
      model: endpoint.model,
      // only role and content (plus our trainer's exact reply ids): other fields are for us, not servers
      messages: messages.map(({ role, content, tokenIds }) =>
        endpoint.sendTokenIds && role === "assistant" && tokenIds ? { role, content, token_ids: tokenIds } : { role, content },
      ),
      temperature: sampling.temperature,
      top_p: sampling.topP,
      max_tokens: sampling.maxTokens,
      // one seed per (problem, sample, turn), derived from the run's: see derive-seed.ts
      ...(sampling.seed !== undefined
        ? { seed: deriveSampleSeed(sampling.seed, ctx.problemKey ?? ctx.problemId, ctx.sampleIndex, ctx.turnIndex) }
        : {}),
      n: 1,
      stream: false,
      // a prefilled response (HumanEval+, App. C.4): vLLM's chat API continues the last assistant message
      ...(ctx.responsePrefix !== undefined ? { continue_final_message: true, add_generation_prompt: false } : {}),
      ...endpoint.extraBody,
    });
    const result = await postWithRetries({
      url,
      // which episode asked: lets a server's logs (and the fake server's scripts) tell calls apart
      headers: {
        ...headers,
        "x-rlef-problem-id": encodeURIComponent(ctx.problemId),
        "x-rlef-sample-index": String(ctx.sampleIndex),
        "x-rlef-turn-index": String(ctx.turnIndex),
      },
      body,
      requestTimeoutMs: endpoint.requestTimeoutMs,
      maxRetries: endpoint.maxRetries,
      limiter,
      backoffBaseMs: options.backoffBaseMs ?? 1000,
      backoffMaxMs: options.backoffMaxMs ?? 30_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 300_000,
      random: options.random,
      signal: ctx.signal,
      label: endpoint.label,
    }).catch((err: unknown) => {
      // the conversation outgrew the model's context: the model's failure, not the endpoint's (issue 10.11)
      if (err instanceof PolicyError && err.kind === "http" && isContextLengthError(err.status, err.message)) {
        throw new PolicyError(err.message, "context_length", err.status, err.attempts);
      }
      throw err;
    });
    const parsed = parseOrThrow(result.text, result.status, result.attempts);
    if (endpoint.requireTokenData && !parsed.tokenData) {
      throw new PolicyError(
        `${endpoint.label}: reply from ${url} lacks token data (prompt_token_ids, completion_token_ids and ` +
          `completion_logprobs are required for training)`,
        "bad_response",
        result.status,
        result.attempts,
      );
    }
    return {
      content: parsed.content,
      promptTokens: parsed.promptTokens ?? parsed.tokenData?.promptIds.length,
      completionTokens: parsed.completionTokens ?? parsed.tokenData?.completionIds.length,
      finishReason: parsed.finishReason,
      latencyMs: result.latencyMs,
      tokenData: parsed.tokenData,
      attempts: result.attempts,
      totalMs: Math.round(performance.now() - started),
      ...(parsed.refusal !== undefined ? { refusal: parsed.refusal } : {}),
      ...(parsed.completionLogprobs && !parsed.tokenData ? { completionLogprobs: parsed.completionLogprobs } : {}),
    };

    function parseOrThrow(text: string, status: number, attempts: number) {
      try {
        return parseChatCompletion(text);
      } catch (err) {
        if (!(err instanceof BadCompletionError)) throw err;
        throw new PolicyError(`${endpoint.label}: bad reply from ${url}: ${err.message}`, "bad_response", status, attempts);
      }
    }
  }

  return { label: endpoint.label, isModel: true, url, complete };
}
