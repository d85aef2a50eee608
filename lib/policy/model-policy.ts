import { policyLabel, type PolicyConfig, type SamplingConfig } from "../config/run-config";
import {
  createChatCompletionsPolicy,
  type ChatClientOptions,
  type ChatCompletionsPolicy,
  type ChatEndpointSettings,
} from "./chat-completions-policy";

/** The run config of a policy served over chat completions: any OpenAI-compatible endpoint, or our trainer. */
export type ModelPolicyConfig = Extract<PolicyConfig, { kind: "openai" | "trainer" }>;

/**
 * A policy behind a chat-completions endpoint. Both kinds share the client; they differ only in what
 * each request asks for and what a reply must carry (see `kindSettings`).
 */
export function createModelPolicy(
  config: ModelPolicyConfig,
  sampling: SamplingConfig,
  options: ChatClientOptions = {},
): ChatCompletionsPolicy {
  const { baseUrl, model, maxConcurrency, requestTimeoutMs, maxRetries } = config;
  return createChatCompletionsPolicy(
    { label: policyLabel(config), baseUrl, model, maxConcurrency, requestTimeoutMs, maxRetries, ...kindSettings(config, options.apiKey) },
    sampling,
    options,
  );
}

type KindSettings = Pick<ChatEndpointSettings, "apiKey" | "extraBody" | "requireTokenData" | "sendTokenIds">;

function kindSettings(config: ModelPolicyConfig, explicitKey: string | undefined): KindSettings {
  switch (config.kind) {
    // vLLM, llama.cpp's server, Ollama's /v1, OpenAI, ...: `logprobs` is sent only when asked, since
    // some servers reject fields they do not know
    case "openai":
      return { apiKey: resolveApiKey(config, explicitKey), extraBody: config.logprobs ? { logprobs: true } : undefined };
    // Our trainer (trainer/, `POST /v1/chat/completions`). Every reply must carry the sampled token ids,
    // their behaviour log-probs and the policy version, because training uses exactly those tokens
    // (docs/method.md §6.4); a reply without them fails with PolicyError "bad_response".
    // `return_token_ids` is vLLM's name for the same request, so a vLLM serving the policy works too.
    case "trainer":
      return { apiKey: explicitKey, extraBody: { logprobs: true, return_token_ids: true }, requireTokenData: true, sendTokenIds: true };
  }
}

/**
 * The API key is the caller's when given (an endpoint's stored secret, decrypted), else the environment
 * variable named by `apiKeyEnv`; a named variable that is unset is a configuration error.
 */
function resolveApiKey(config: Extract<ModelPolicyConfig, { kind: "openai" }>, explicitKey: string | undefined): string | undefined {
  if (explicitKey) return explicitKey;
  if (!config.apiKeyEnv) return undefined;
  const fromEnv = process.env[config.apiKeyEnv];
  if (!fromEnv) {
    throw new Error(`policy.apiKeyEnv: environment variable ${config.apiKeyEnv} is not set (needed for ${config.baseUrl})`);
  }
  return fromEnv;
}
