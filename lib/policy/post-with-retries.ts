import { setTimeout as sleep } from "node:timers/promises";
import type { ConcurrencyLimiter } from "./concurrency-limiter";
import { excerpt } from "./parse-chat-completion";
import { backoffDelayMs, parseRetryAfterMs } from "./retry-delay";
import { PolicyError, type PolicyErrorKind } from "./types";

export interface RetryingPostOptions {
  url: string;
  headers: Record<string, string>;
  body: string;
  requestTimeoutMs: number;
  maxRetries: number;
  limiter: ConcurrencyLimiter;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** a server asking for a longer Retry-After than this is waited for this long only */
  maxRetryAfterMs: number;
  random?: () => number;
  signal?: AbortSignal;
  /** prefix of every error message, e.g. "openai:gpt-4o" */
  label: string;
}

export interface PostResult {
  status: number;
  text: string;
  /** time of the successful attempt, from sending the request to the end of the body */
  latencyMs: number;
  attempts: number;
}

type AttemptFailure = {
  kind: PolicyErrorKind;
  status?: number;
  retryable: boolean;
  retryAfterMs?: number;
  message: string;
};

/**
 * POSTs `body` to `url`, one concurrency slot per attempt (released while backing off so a struggling
 * server does not also block unrelated work queued behind it). Retries 408, 429, 5xx, network errors
 * and timeouts; other statuses fail at once. Throws PolicyError when it gives up or the caller aborts.
 */
export async function postWithRetries(options: RetryingPostOptions): Promise<PostResult> {
  const { signal, maxRetries } = options;
  for (let attempt = 1; ; attempt++) {
    let outcome: PostResult | AttemptFailure;
    try {
      outcome = await options.limiter.run(() => attemptOnce(options, attempt), signal);
    } catch (err) {
      throw signal?.aborted ? abortedError(options, attempt) : err;
    }
    if ("text" in outcome) return outcome;
    if (!outcome.retryable || attempt > maxRetries) {
      const why = outcome.retryable ? `gave up after ${attempt} attempts` : `not retried, attempt ${attempt}`;
      throw new PolicyError(
        `${options.label}: POST ${options.url} failed (${why}): ${outcome.message}`,
        outcome.kind,
        outcome.status,
        attempt,
      );
    }
    const backoff = backoffDelayMs(attempt, {
      baseMs: options.backoffBaseMs,
      maxMs: options.backoffMaxMs,
      random: options.random,
    });
    const delay = outcome.retryAfterMs !== undefined ? Math.min(outcome.retryAfterMs, options.maxRetryAfterMs) : backoff;
    try {
      await sleep(delay, undefined, { signal });
    } catch {
      throw abortedError(options, attempt);
    }
  }
}

async function attemptOnce(options: RetryingPostOptions, attempt: number): Promise<PostResult | AttemptFailure> {
  const { signal, requestTimeoutMs } = options;
  if (signal?.aborted) throw abortedError(options, attempt);
  // One controller per attempt, fed by our timer and the caller's signal. Hand-wired rather than
  // AbortSignal.any so a long-lived run signal never accumulates listeners (removed in `finally`).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, requestTimeoutMs);
  const onCallerAbort = () => controller.abort();
  signal?.addEventListener("abort", onCallerAbort, { once: true });
  const started = performance.now();
  try {
    const response = await fetchWithoutCrossOriginRedirects(options, controller.signal);
    if ("refused" in response) return response.refused;
    const text = await response.text();
    const latencyMs = Math.round(performance.now() - started);
    if (response.ok) return { status: response.status, text, latencyMs, attempts: attempt };
    const status = response.status;
    return {
      kind: "http",
      status,
      retryable: status === 408 || status === 429 || status >= 500,
      retryAfterMs: parseRetryAfterMs(response.headers.get("retry-after")),
      message: `HTTP ${status}${text ? `: ${excerpt(text)}` : ""}`,
    };
  } catch (err) {
    if (signal?.aborted) throw abortedError(options, attempt);
    if (timedOut) {
      return { kind: "timeout", retryable: true, message: `no complete response within ${requestTimeoutMs} ms` };
    }
    return { kind: "network", retryable: true, message: describeNetworkError(err) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onCallerAbort);
  }
}

const MAX_REDIRECTS = 5;

/**
 * fetch would follow a redirect anywhere, re-sending the prompt (and the Authorization header's API
 * key, for a 307/308) to whatever origin the endpoint names. Redirects are followed here only within
 * the endpoint's own origin and only as 307/308 (which keep the POST); anything else fails at once.
 */
async function fetchWithoutCrossOriginRedirects(
  options: RetryingPostOptions,
  signal: AbortSignal,
): Promise<Response | { refused: AttemptFailure }> {
  let url = new URL(options.url);
  for (let hop = 0; ; hop++) {
    const response = await fetch(url, { method: "POST", headers: options.headers, body: options.body, signal, redirect: "manual" });
    if (response.status < 300 || response.status > 399 || response.status === 304) return response;
    await response.body?.cancel();
    const location = response.headers.get("location");
    const target = location ? new URL(location, url) : null;
    const refuse = (why: string) => ({
      refused: {
        kind: "http" as const,
        status: response.status,
        retryable: false,
        message: `HTTP ${response.status} redirect to ${target?.href ?? "(no Location)"}: ${why}`,
      },
    });
    if (!target) return refuse("no Location header");
    if (target.origin !== url.origin)
      return refuse(
        `another origin than ${url.origin}; not followed, so the prompt and API key are not sent there (set the endpoint's base URL to the address that answers)`,
      );
    if (response.status !== 307 && response.status !== 308)
      return refuse("only 307/308 redirects keep the POST; set the endpoint's base URL to the address that answers");
    if (hop >= MAX_REDIRECTS) return refuse(`more than ${MAX_REDIRECTS} redirects`);
    url = target;
  }
}

function abortedError(options: RetryingPostOptions, attempt: number): PolicyError {
  return new PolicyError(`${options.label}: POST ${options.url} aborted by the caller`, "aborted", undefined, attempt);
}

// undici reports "fetch failed" and hides the useful part (ECONNREFUSED, "other side closed") in `cause`.
function describeNetworkError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: string; message?: string } | undefined;
  if (!cause) return err.message;
  const code = cause.code ? ` (${cause.code})` : "";
  return `${err.message}: ${cause.message ?? "unknown cause"}${code}`;
}
