import { describe, expect, it } from "vitest";
import { chatCompletionsUrl } from "./chat-completions-url";

describe("chatCompletionsUrl", () => {
  it.each([
    ["http://127.0.0.1:8000", "http://127.0.0.1:8000/v1/chat/completions"],
    ["http://127.0.0.1:8000/", "http://127.0.0.1:8000/v1/chat/completions"],
    ["http://localhost:11434/v1", "http://localhost:11434/v1/chat/completions"],
    ["http://localhost:11434/v1/", "http://localhost:11434/v1/chat/completions"],
    ["https://api.openai.com/v1", "https://api.openai.com/v1/chat/completions"],
    ["https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1/chat/completions"],
    [
      "https://generativelanguage.googleapis.com/v1beta/openai/",
      "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions",
    ],
    ["http://h:8000/v1/chat/completions", "http://h:8000/v1/chat/completions"],
    ["http://h/deploy?api-version=2024-06-01", "http://h/deploy/chat/completions?api-version=2024-06-01"],
  ])("%s -> %s", (base, expected) => {
    expect(chatCompletionsUrl(base)).toBe(expected);
  });

  it("rejects what is not an http(s) URL, naming the field", () => {
    expect(() => chatCompletionsUrl("localhost:8000")).toThrow(/policy\.baseUrl/);
    expect(() => chatCompletionsUrl("not a url")).toThrow(/policy\.baseUrl: not a valid URL/);
  });
});
