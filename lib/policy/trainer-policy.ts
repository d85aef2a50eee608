import { policyLabel, type PolicyConfig, type SamplingConfig } from "../config/run-config";
import { createChatCompletionsPolicy, type ChatClientOptions, type ChatCompletionsPolicy } from "./chat-completions-policy";

export type TrainerPolicyConfig = Extract<PolicyConfig, { kind: "trainer" }>;

/**
 * The policy our own trainer serves (trainer/, `POST /v1/chat/completions`). Every reply must carry
 * the sampled token ids, their behaviour log-probs and the policy version, because training uses
 * exactly those tokens (docs/method.md §6.4); a reply without them fails with PolicyError "bad_response".
 */
export function createTrainerPolicy(
  config: TrainerPolicyConfig,
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
      apiKey: options.apiKey,
      // `return_token_ids` is vLLM's name for the same request, so a vLLM serving the policy works too
      extraBody: { logprobs: true, return_token_ids: true },
      requireTokenData: true,
      sendTokenIds: true,
    },
    sampling,
    options,
  );
}
