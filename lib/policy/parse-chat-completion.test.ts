import { describe, expect, it } from "vitest";
import { BadCompletionError, parseChatCompletion } from "./parse-chat-completion";

// Bodies shaped as the real servers send them (fields and nesting copied from their responses).
const vllm = {
  id: "chatcmpl-9f1",
  object: "chat.completion",
  created: 1718000000,
  model: "meta-llama/Llama-3.1-8B-Instruct",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: "```python\nprint(1)\n```", tool_calls: [], reasoning_content: null },
      logprobs: null,
      finish_reason: "stop",
      stop_reason: null,
    },
  ],
  usage: { prompt_tokens: 42, total_tokens: 50, completion_tokens: 8, prompt_tokens_details: null },
  prompt_logprobs: null,
  kv_transfer_params: null,
};

const vllmWithTokenIds = {
  ...vllm,
  prompt_token_ids: [128000, 882, 25],
  choices: [
    {
      ...vllm.choices[0],
      token_ids: [74694, 12958],
      logprobs: {
        content: [
          { token: "```", logprob: -0.01, bytes: [96, 96, 96], top_logprobs: [] },
          { token: "python", logprob: -0.2, bytes: [112], top_logprobs: [] },
        ],
      },
    },
  ],
};

const llamaCpp = {
  choices: [
    {
      finish_reason: "length",
      index: 0,
      message: { role: "assistant", content: "Hello" },
      logprobs: { content: [{ id: 9906, token: "Hello", bytes: [72], logprob: -0.5, top_logprobs: [] }] },
    },
  ],
  created: 1718000000,
  model: "gpt-3.5-turbo",
  system_fingerprint: "b3000-abc",
  object: "chat.completion",
  usage: { completion_tokens: 1, prompt_tokens: 20, total_tokens: 21 },
  id: "chatcmpl-xyz",
  timings: { prompt_n: 20, prompt_ms: 12.3, predicted_n: 1, predicted_ms: 40.1 },
};

const ollama = {
  id: "chatcmpl-123",
  object: "chat.completion",
  created: 1718000000,
  model: "llama3.1",
  system_fingerprint: "fp_ollama",
  choices: [{ index: 0, message: { role: "assistant", content: "Hi" }, finish_reason: "stop" }],
  usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 },
};

const openaiRefusal = {
  id: "chatcmpl-A1",
  object: "chat.completion",
  created: 1718000000,
  model: "gpt-4o-2024-08-06",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: null, refusal: "I can't help with that.", annotations: [] },
      logprobs: null,
      finish_reason: "stop",
    },
  ],
  usage: {
    prompt_tokens: 9,
    completion_tokens: 7,
    total_tokens: 16,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  },
  service_tier: "default",
  system_fingerprint: "fp_1",
};

const parse = (body: unknown) => parseChatCompletion(JSON.stringify(body));

describe("parseChatCompletion", () => {
  it("reads vLLM's reply", () => {
    expect(parse(vllm)).toEqual({
      content: "```python\nprint(1)\n```",
      refusal: undefined,
      finishReason: "stop",
      promptTokens: 42,
      completionTokens: 8,
      completionLogprobs: undefined,
      tokenData: undefined,
    });
  });

  it("builds token data from vLLM's return_token_ids fields and logprobs.content", () => {
    expect(parse(vllmWithTokenIds).tokenData).toEqual({
      promptIds: [128000, 882, 25],
      completionIds: [74694, 12958],
      logprobs: [-0.01, -0.2],
    });
  });

  it("reads llama.cpp's reply with log-probs but no prompt ids (no token data)", () => {
    const parsed = parse(llamaCpp);
    expect(parsed).toMatchObject({ content: "Hello", finishReason: "length", promptTokens: 20, completionTokens: 1 });
    expect(parsed.completionLogprobs).toEqual([-0.5]);
    expect(parsed.tokenData).toBeUndefined();
  });

  it("reads Ollama's reply", () => {
    expect(parse(ollama)).toMatchObject({ content: "Hi", finishReason: "stop", promptTokens: 10, completionTokens: 2 });
  });

  it("turns an OpenAI refusal (null content) into the content and keeps it as refusal", () => {
    expect(parse(openaiRefusal)).toMatchObject({ content: "I can't help with that.", refusal: "I can't help with that." });
  });

  it("tolerates missing usage, null finish_reason, null content and content parts", () => {
    const body = { choices: [{ message: { content: null }, finish_reason: null }] };
    expect(parse(body)).toMatchObject({ content: "", finishReason: undefined, promptTokens: undefined });
    const parts = {
      choices: [
        {
          message: {
            content: [
              { type: "text", text: "a" },
              { type: "text", text: "b" },
            ],
          },
        },
      ],
    };
    expect(parse(parts).content).toBe("ab");
  });

  it("reads the trainer's fields on the choice or at the top level", () => {
    const onChoice = {
      choices: [
        { message: { content: "x" }, prompt_token_ids: [1, 2], completion_token_ids: [3], completion_logprobs: [-1.5], policy_version: 7 },
      ],
    };
    expect(parse(onChoice).tokenData).toEqual({ promptIds: [1, 2], completionIds: [3], logprobs: [-1.5], policyVersion: 7 });
    const atTop = {
      choices: [{ message: { content: "x" } }],
      prompt_token_ids: [1],
      completion_token_ids: [3, 4],
      completion_logprobs: [-1, -2],
      policy_version: 0,
    };
    expect(parse(atTop).tokenData).toEqual({ promptIds: [1], completionIds: [3, 4], logprobs: [-1, -2], policyVersion: 0 });
  });

  it("rejects token ids and log-probs of different lengths", () => {
    const body = {
      choices: [{ message: { content: "x" }, prompt_token_ids: [1], completion_token_ids: [3, 4], completion_logprobs: [-1] }],
    };
    expect(() => parse(body)).toThrow(/2 completion token ids but 1 log-probs/);
  });

  it("explains unusable bodies: not JSON, no choices, an error object, a wrong field type", () => {
    expect(() => parseChatCompletion("<html>502 Bad Gateway</html>")).toThrow(/not JSON: <html>502/);
    expect(() => parse({ choices: [] })).toThrow(/no choices/);
    expect(() => parse({ error: { message: "model not found" } })).toThrow(/model not found/);
    expect(() => parse({ choices: [{ message: { content: 5 } }] })).toThrow(/choices\.0\.message\.content/);
    expect(() => parse({ choices: [] })).toThrow(BadCompletionError);
  });
});
