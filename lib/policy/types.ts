/** One chat message exactly as sent to (or received from) a policy. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
  /**
   * An assistant reply's exact sampled token ids, when the policy returned them. Our trainer renders
   * the history from these instead of re-encoding the text (a reply need not even be valid UTF-8).
   */
  tokenIds?: number[];
}

/** Token-level data a trainable policy returns, so training uses exactly the sampled ids. */
export interface TokenData {
  promptIds: number[];
  completionIds: number[];
  /** behaviour log-probs of completionIds under the policy that sampled them */
  logprobs: number[];
  policyVersion?: number;
}

export interface PolicyReply {
  content: string;
  promptTokens?: number;
  completionTokens?: number;
  finishReason?: string;
  latencyMs: number;
  tokenData?: TokenData;
  /** per-token log-probs under the reference policy, when the policy can supply them (KL term) */
  refLogprobs?: number[];
}

export interface PolicyCallContext {
  problemId: string;
  /** the problem's stable name (its external id): per-request seeds derive from it, not from a row id */
  problemKey?: string;
  sampleIndex: number;
  turnIndex: number;
  signal?: AbortSignal;
  /**
   * The text the response must start with (HumanEval+: the function prompt, App. C.4). The messages then
   * end with an assistant message holding it; the policy returns only what follows it.
   */
  responsePrefix?: string;
}

/**
 * What writes code. `isModel` is false for the demo policy, whose replies come
 * from the dataset's own solutions: the UI labels such runs so they are never
 * mistaken for a model's results.
 */
export interface Policy {
  readonly label: string;
  readonly isModel: boolean;
  complete(messages: ChatMessage[], ctx: PolicyCallContext): Promise<PolicyReply>;
}

/**
 * "context_length": the endpoint refused the conversation as longer than the model's context (the
 * model's failure: its replies and their feedback filled the context). Every other kind is the
 * endpoint's (infrastructure) failure.
 */
export type PolicyErrorKind = "timeout" | "http" | "network" | "bad_response" | "aborted" | "context_length";

/** A policy call that failed for good (after retries); the episode is marked errored with this reason. */
export class PolicyError extends Error {
  constructor(
    message: string,
    readonly kind: PolicyErrorKind,
    readonly status?: number,
    readonly attempts = 1,
  ) {
    super(message);
    this.name = "PolicyError";
  }
}
