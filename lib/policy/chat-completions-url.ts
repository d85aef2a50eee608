/**
 * Where a policy's chat-completions requests go, from the base URL in its config.
 *
 * The rule (so `http://host:8000`, `http://host:8000/v1` and `https://openrouter.ai/api/v1` all work):
 * - a base URL with no path (just scheme, host and port) gets `/v1` added, because every server we
 *   support (vLLM, llama.cpp, Ollama, OpenAI, our trainer) serves the OpenAI API under `/v1`;
 * - a base URL with a path is used as given (trailing slashes dropped): `/v1`, `/api/v1`,
 *   `/v1beta/openai` are all prefixes some real server uses, so we never guess a second `/v1`;
 * - `/chat/completions` is then appended, unless the path already ends with it.
 * Query strings (e.g. Azure's `?api-version=`) are kept.
 */
export function chatCompletionsUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`policy.baseUrl: not a valid URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`policy.baseUrl: only http and https are supported, got ${url.protocol} in ${baseUrl}`);
  }
  let path = url.pathname.replace(/\/+$/, "");
  if (path === "") path = "/v1";
  if (!path.endsWith("/chat/completions")) path += "/chat/completions";
  url.pathname = path;
  return url.toString();
}
