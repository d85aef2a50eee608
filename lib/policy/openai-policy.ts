import { policyLabel, type PolicyConfig, type SamplingConfig } from "../config/run-config";
import { createChatCompletionsPolicy, type ChatClientOptions, type ChatCompletionsPolicy } from "./chat-completions-policy";

export type OpenAIPolicyConfig = Extract<PolicyConfig, { kind: "openai" }>;

/**
 * A policy served by any OpenAI-compatible chat-completions endpoint (vLLM, llama.cpp's server,
 * Ollama's /v1, OpenAI, ...). The API key is `options.apiKey` when given, else the environment
 * variable named by `config.apiKeyEnv`; a named variable that is unset is a configuration error.
 */
export function createOpenAIPolicy(
  config: OpenAIPolicyConfig,
  sampling: SamplingConfig,
  options: ChatClientOptions = {},
): ChatCompletionsPolicy {
  return createChatCompletionsPolicy(
    {
      label: policyLabel(config),
      baseUrl: config.baseUrl,
      model: config.model,
      maxConcurrency: config.maxConcurrency,
      requestTimeoutMs: config.requestTimeoutMs,
      maxRetries: config.maxRetries,
      apiKey: resolveApiKey(config, options.apiKey),
      // `logprobs` is sent only when asked: some servers reject fields they do not know
      extraBody: config.logprobs ? { logprobs: true } : undefined,
    },
    sampling,
    options,
  );
}

function resolveApiKey(config: OpenAIPolicyConfig, explicitKey: string | undefined): string | undefined {
  if (explicitKey) return explicitKey;
  if (!config.apiKeyEnv) return undefined;
  const fromEnv = process.env[config.apiKeyEnv];
  if (!fromEnv) {
    throw new Error(`policy.apiKeyEnv: environment variable ${config.apiKeyEnv} is not set (needed for ${config.baseUrl})`);
  }
  return fromEnv;
}
