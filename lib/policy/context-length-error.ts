/**
 * How OpenAI-compatible servers say "the conversation does not fit the model's context" (a 400, never
 * retried): vLLM ("This model's maximum context length is N tokens"),
 * OpenAI (code "context_length_exceeded"), llama.cpp's server ("exceeds the available context size",
 * type "exceed_context_size_error"), TGI ("must have less than N tokens"), and our trainer
 * ("the model's context is N", "exceeds the model's context of N"). Matched on the error body the
 * client kept. A bare "max_tokens is too large" (a server's cap on completion tokens) is a setting, not the
 * conversation outgrowing the context, and stays an endpoint error.
 */
const PATTERNS = [
  /maximum context length/i,
  /context_length_exceeded/i,
  /exceeds? the available context size/i,
  /exceed_context_size_error/i,
  /exceeds the model's context/i,
  /the model's context is \d+/i,
  /must have less than \d+ tokens/i,
  /prompt is too long/i,
];

export function isContextLengthError(status: number | undefined, message: string): boolean {
  if (status !== undefined && status !== 400 && status !== 413 && status !== 422) return false;
  return PATTERNS.some((p) => p.test(message));
}
