import { describe, expect, it } from "vitest";
import { isContextLengthError } from "./context-length-error";

describe("isContextLengthError", () => {
  it("recognises how vLLM, OpenAI, llama.cpp, TGI and our trainer say the conversation does not fit", () => {
    const said = [
      'HTTP 400: {"object":"error","message":"This model\'s maximum context length is 4096 tokens. However, you requested 5000 tokens"}',
      'HTTP 400: {"error":{"message":"\'max_tokens\' or \'max_completion_tokens\' is too large: 8000. This model\'s maximum context length is 4096 tokens and your request has 2778 input tokens"}}',
      'HTTP 400: {"error":{"code":"context_length_exceeded","message":"Your input exceeds the context window"}}',
      'HTTP 400: {"error":{"code":400,"message":"request (4476 tokens) exceeds the available context size (4096 tokens)","type":"exceed_context_size_error"}}',
      'HTTP 422: {"error":"Input validation error: `inputs` must have less than 4096 tokens. Given: 5000","error_type":"validation"}',
      'HTTP 400: {"error":{"message":"messages: the conversation renders to 2100 tokens; the model\'s context is 2048","field":"messages"}}',
      'HTTP 400: {"error":{"message":"max_tokens: prompt (900 tokens) + max_tokens (2048) exceeds the model\'s context of 2048"}}',
    ];
    for (const message of said) expect(isContextLengthError(400, message), message).toBe(true);
  });

  it("leaves every other failure to the endpoint: a bare max_tokens cap, auth, rate limits, server errors", () => {
    expect(isContextLengthError(400, "HTTP 400: max_tokens is too large: 99999")).toBe(false);
    expect(isContextLengthError(401, "HTTP 401: maximum context length")).toBe(false);
    expect(isContextLengthError(500, "HTTP 500: maximum context length is 4096")).toBe(false);
    expect(isContextLengthError(400, 'HTTP 400: model "x" not found')).toBe(false);
  });
});
