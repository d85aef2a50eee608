import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { policyConfigSchema, samplingConfigSchema, type SamplingConfig } from "../config/run-config";
import { startFakeOpenAIServer } from "../testing/fake-openai/start-fake-openai-server";
import type { FakeOpenAIServerOptions, FakeOpenAIServer } from "../testing/fake-openai/start-fake-openai-server";
import { createPolicy } from "./create-policy";
import { createModelPolicy, type ModelPolicyConfig } from "./model-policy";
import { deriveSampleSeed } from "./derive-seed";
import { PolicyError, type ChatMessage, type PolicyCallContext } from "./types";

type OpenAIConfig = Extract<ModelPolicyConfig, { kind: "openai" }>;
type TrainerConfig = Extract<ModelPolicyConfig, { kind: "trainer" }>;

// Real HTTP against the fake server; backoff is shrunk to milliseconds so the suite stays fast.
const fast = { backoffBaseMs: 5, backoffMaxMs: 20 };
const sampling: SamplingConfig = samplingConfigSchema.parse({ temperature: 0.2, topP: 0.95, maxTokens: 512, seed: 11 });
const ctx: PolicyCallContext = { problemId: "p1", sampleIndex: 0, turnIndex: 0 };
const messages: ChatMessage[] = [{ role: "user", content: 'Solve:\n\tread N — print N² «ünïcødé» "quoted" \\ backslash\n```python\n```' }];

let servers: FakeOpenAIServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function fake(options: FakeOpenAIServerOptions): Promise<FakeOpenAIServer> {
  const server = await startFakeOpenAIServer(options);
  servers.push(server);
  return server;
}

/** a config as the run config would parse it; each test gets its own model name, so its own limiter */
function openaiConfig(baseUrl: string, overrides: Partial<OpenAIConfig> = {}): OpenAIConfig {
  const parsed = policyConfigSchema.parse({ kind: "openai", baseUrl, model: `m-${randomUUID()}`, maxRetries: 2 });
  return { ...(parsed as OpenAIConfig), ...overrides };
}

async function policyErrorOf(promise: Promise<unknown>): Promise<PolicyError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PolicyError);
  return err as PolicyError;
}

describe("OpenAI-compatible policy against a fake server over HTTP", () => {
  it("sends the request fields and messages byte for byte, and records usage", async () => {
    const server = await fake({
      respond: () => ({ content: "```python\nprint(4)\n```", usage: { promptTokens: 31, completionTokens: 9 } }),
    });
    process.env.RLEF_TEST_KEY = "sk-test-123";
    const config = openaiConfig(server.baseUrl, { apiKeyEnv: "RLEF_TEST_KEY" });
    const reply = await createModelPolicy(config, sampling, fast).complete(messages, ctx);

    expect(reply).toMatchObject({
      content: "```python\nprint(4)\n```",
      promptTokens: 31,
      completionTokens: 9,
      finishReason: "stop",
      attempts: 1,
    });
    expect(reply.latencyMs).toBeGreaterThanOrEqual(0);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.path).toBe("/v1/chat/completions");
    expect(request.headers.authorization).toBe("Bearer sk-test-123");
    expect(request.headers).toMatchObject({ "x-rlef-problem-id": "p1", "x-rlef-sample-index": "0", "x-rlef-turn-index": "0" });
    expect(request.rawBody).toContain(`"messages":${JSON.stringify(messages)}`);
    expect(request.body).toEqual({
      // the run's seed 11 is not sent as is: each (problem, sample, turn) gets its own (issue 10.10)
      model: config.model,
      messages,
      temperature: 0.2,
      top_p: 0.95,
      max_tokens: 512,
      seed: deriveSampleSeed(11, "p1", 0, 0),
      n: 1,
      stream: false,
    });
  });

  it("sends a distinct, reproducible seed per (problem, sample, turn), derived from the run's seed", async () => {
    const server = await fake({});
    const policy = createModelPolicy(openaiConfig(server.baseUrl), sampling, fast);
    const keys = [
      ["A", 0, 0],
      ["A", 1, 0],
      ["A", 0, 1],
      ["B", 0, 0],
      ["A", 0, 0],
    ] as const;
    for (const [problemKey, sampleIndex, turnIndex] of keys) {
      await policy.complete(messages, { problemId: `row-${problemKey}`, problemKey, sampleIndex, turnIndex });
    }
    const seeds = server.requests.map((r) => (r.body as { seed: number }).seed);
    expect(new Set(seeds.slice(0, 4)).size).toBe(4);
    expect(seeds[4]).toBe(seeds[0]);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 31)).toBe(true);
    // another run seed gives other seeds; the same run seed on another database (other row ids) the same
    const other = createModelPolicy(openaiConfig(server.baseUrl), { ...sampling, seed: 12 }, fast);
    await other.complete(messages, { problemId: "another-row-id", problemKey: "A", sampleIndex: 0, turnIndex: 0 });
    expect((server.requests[5].body as { seed: number }).seed).not.toBe(seeds[0]);
    await policy.complete(messages, { problemId: "another-row-id", problemKey: "A", sampleIndex: 0, turnIndex: 0 });
    expect((server.requests[6].body as { seed: number }).seed).toBe(seeds[0]);
  });

  it("reports a conversation longer than the model's context as the model's failure (context_length), not retried", async () => {
    const vllm =
      "This model's maximum context length is 4096 tokens. However, you requested 4600 tokens (2552 in the messages, 2048 in the completion).";
    const server = await fake({
      respond: () => ({ status: 400, body: { object: "error", message: vllm, type: "BadRequestError", code: 400 } }),
    });
    const err = await policyErrorOf(createModelPolicy(openaiConfig(server.baseUrl), sampling, fast).complete(messages, ctx));
    expect(err).toMatchObject({ kind: "context_length", status: 400, attempts: 1 });
    expect(err.message).toContain("maximum context length");
    expect(server.requests).toHaveLength(1);
  });

  it("adds /v1 to a bare host, leaves out seed when unset, prefers an explicit API key", async () => {
    const server = await fake({});
    const bare = server.baseUrl.replace(/\/v1$/, "");
    const { seed: _omit, ...noSeed } = sampling;
    const policy = createModelPolicy(openaiConfig(bare, { apiKeyEnv: "RLEF_TEST_KEY_UNSET" }), noSeed, { ...fast, apiKey: "sk-db" });
    await policy.complete(messages, ctx);
    expect(server.requests[0].path).toBe("/v1/chat/completions");
    expect(server.requests[0].headers.authorization).toBe("Bearer sk-db");
    expect(server.requests[0].body).not.toHaveProperty("seed");
  });

  it("fails at creation when the named API key variable is unset", () => {
    const config = openaiConfig("http://127.0.0.1:9/v1", { apiKeyEnv: "RLEF_TEST_KEY_UNSET" });
    expect(() => createModelPolicy(config, sampling)).toThrow(/RLEF_TEST_KEY_UNSET is not set/);
  });

  it("retries after 500s and then succeeds", async () => {
    const server = await fake({ script: [{ status: 500, body: "boom" }, { status: 503, body: { error: "loading" } }, "fixed"] });
    const reply = await createModelPolicy(openaiConfig(server.baseUrl), sampling, fast).complete(messages, ctx);
    expect(reply).toMatchObject({ content: "fixed", attempts: 3 });
    expect(server.requests.map((r) => r.rawBody)).toEqual(Array(3).fill(server.requests[0].rawBody));
  });

  it("honours Retry-After in seconds and as an HTTP date on 429", async () => {
    const server = await fake({
      script: [
        { status: 429, body: { error: { message: "rate limited" } }, headers: { "retry-after": "1" } },
        // computed when served: an HTTP date 2 s ahead, cut to whole seconds, asks for a wait in (1, 2] s
        () => ({ status: 429, body: "slow down", headers: { "retry-after": new Date(Date.now() + 2000).toUTCString() } }),
        "ok",
      ],
    });
    const reply = await createModelPolicy(openaiConfig(server.baseUrl), sampling, fast).complete(messages, ctx);
    expect(reply).toMatchObject({ content: "ok", attempts: 3 });
    const [first, second, third] = server.requests.map((r) => r.receivedAt);
    expect(second - first).toBeGreaterThanOrEqual(990);
    expect(second - first).toBeLessThan(1500);
    expect(third - second).toBeGreaterThanOrEqual(990);
    expect(third - second).toBeLessThan(2500);
  });

  it("times out a hanging request and succeeds on the retry", async () => {
    const server = await fake({ script: [{ fault: "hang" }, "after hang"] });
    const started = Date.now();
    const policy = createModelPolicy(openaiConfig(server.baseUrl, { requestTimeoutMs: 300 }), sampling, fast);
    const reply = await policy.complete(messages, ctx);
    expect(reply).toMatchObject({ content: "after hang", attempts: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(reply.totalMs).toBeGreaterThanOrEqual(300);
  });

  it("retries a reset connection", async () => {
    const server = await fake({ script: [{ fault: "reset" }, "after reset"] });
    const reply = await createModelPolicy(openaiConfig(server.baseUrl), sampling, fast).complete(messages, ctx);
    expect(reply).toMatchObject({ content: "after reset", attempts: 2 });
  });

  it("gives up after maxRetries on persistent 500s with a PolicyError that says why", async () => {
    const server = await fake({ respond: () => ({ status: 500, body: { error: { message: "CUDA out of memory" } } }) });
    const policy = createModelPolicy(openaiConfig(server.baseUrl, { maxRetries: 3 }), sampling, fast);
    const err = await policyErrorOf(policy.complete(messages, ctx));
    expect(err).toMatchObject({ kind: "http", status: 500, attempts: 4 });
    expect(err.message).toMatch(/gave up after 4 attempts/);
    expect(err.message).toContain("CUDA out of memory");
    expect(err.message).toContain(server.baseUrl);
    expect(server.requests).toHaveLength(4);
  });

  it("fails a timeout for good with kind timeout", async () => {
    const server = await fake({ respond: () => ({ fault: "hang" }) });
    const policy = createModelPolicy(openaiConfig(server.baseUrl, { requestTimeoutMs: 100, maxRetries: 1 }), sampling, fast);
    const err = await policyErrorOf(policy.complete(messages, ctx));
    expect(err).toMatchObject({ kind: "timeout", attempts: 2 });
    expect(err.message).toMatch(/within 100 ms/);
  });

  it("does not retry a 400 and reports the server's message", async () => {
    const server = await fake({ respond: () => ({ status: 400, body: { error: { message: "max_tokens is too large: 99999" } } }) });
    const err = await policyErrorOf(createModelPolicy(openaiConfig(server.baseUrl), sampling, fast).complete(messages, ctx));
    expect(err).toMatchObject({ kind: "http", status: 400, attempts: 1 });
    expect(err.message).toContain("max_tokens is too large");
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry malformed JSON (bad_response)", async () => {
    const server = await fake({ respond: () => ({ fault: "malformed-json" }) });
    const err = await policyErrorOf(createModelPolicy(openaiConfig(server.baseUrl), sampling, fast).complete(messages, ctx));
    expect(err).toMatchObject({ kind: "bad_response", status: 200, attempts: 1 });
    expect(err.message).toMatch(/not JSON/);
    expect(server.requests).toHaveLength(1);
  });

  it("reports a refused connection as a network error after its retries", async () => {
    const server = await fake({});
    const baseUrl = server.baseUrl;
    await server.close();
    const err = await policyErrorOf(createModelPolicy(openaiConfig(baseUrl, { maxRetries: 1 }), sampling, fast).complete(messages, ctx));
    expect(err).toMatchObject({ kind: "network", attempts: 2 });
    expect(err.message).toMatch(/ECONNREFUSED/);
  });

  it("keeps in-flight requests per endpoint within maxConcurrency, across policies", async () => {
    const server = await fake({ respond: () => ({ content: "ok", delayMs: 40 }) });
    const config = openaiConfig(server.baseUrl, { maxConcurrency: 3 });
    const a = createModelPolicy(config, sampling, fast);
    const b = createModelPolicy({ ...config }, sampling, fast);
    const calls = Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).complete(messages, { ...ctx, sampleIndex: i }));
    const replies = await Promise.all(calls);
    expect(replies.every((r) => r.content === "ok")).toBe(true);
    expect(server.requests).toHaveLength(16);
    expect(server.maxInFlight).toBe(3);
  });

  it("stops promptly when the caller aborts: mid-request, during backoff, while queued", async () => {
    const server = await fake({ respond: (r) => (r.index === 0 ? { fault: "hang" } : { status: 429, headers: { "retry-after": "30" } }) });
    const config = openaiConfig(server.baseUrl, { maxConcurrency: 1 });
    const policy = createModelPolicy(config, sampling, fast);

    const controller = new AbortController();
    const hanging = policy.complete(messages, { ...ctx, signal: controller.signal });
    const queuedController = new AbortController();
    const queued = policy.complete(messages, { ...ctx, signal: queuedController.signal });
    setTimeout(() => queuedController.abort(), 50);
    setTimeout(() => controller.abort(), 150);
    let started = Date.now();
    expect(await policyErrorOf(queued)).toMatchObject({ kind: "aborted" });
    expect(await policyErrorOf(hanging)).toMatchObject({ kind: "aborted", attempts: 1 });
    expect(Date.now() - started).toBeLessThan(400);
    expect(server.requests).toHaveLength(1);
    // the aborted request's connection was closed, so the server is no longer answering it
    await expect.poll(() => server.inFlight).toBe(0);

    const backoffController = new AbortController();
    const backingOff = policy.complete(messages, { ...ctx, signal: backoffController.signal });
    setTimeout(() => backoffController.abort(), 200);
    started = Date.now();
    expect(await policyErrorOf(backingOff)).toMatchObject({ kind: "aborted" });
    expect(Date.now() - started).toBeLessThan(600);
    expect(server.requests).toHaveLength(2);
  });

  it("asks for and returns log-probs when the config says so", async () => {
    const server = await fake({ respond: () => ({ content: "a b", logprobs: [-0.1, -0.3] }) });
    const reply = await createModelPolicy(openaiConfig(server.baseUrl, { logprobs: true }), sampling, fast).complete(messages, ctx);
    expect(server.requests[0].body).toMatchObject({ logprobs: true });
    expect(reply.completionLogprobs).toEqual([-0.1, -0.3]);
    expect(reply.tokenData).toBeUndefined();
  });
});

describe("trainer policy", () => {
  function trainerConfig(baseUrl: string): TrainerConfig {
    return policyConfigSchema.parse({ kind: "trainer", baseUrl, model: `t-${randomUUID()}`, maxRetries: 1 }) as TrainerConfig;
  }

  it("asks for token data and returns it", async () => {
    const tokenData = { promptIds: [1, 2, 3], completionIds: [7, 8], logprobs: [-0.25, -1.5], policyVersion: 4 };
    const server = await fake({ respond: () => ({ content: "xy", tokenData, usage: null }) });
    const reply = await createModelPolicy(trainerConfig(server.baseUrl), sampling, fast).complete(messages, ctx);
    expect(server.requests[0].body).toMatchObject({ logprobs: true, return_token_ids: true });
    expect(reply.tokenData).toEqual(tokenData);
    // no usage in the reply: the counts come from the token data
    expect(reply).toMatchObject({ content: "xy", promptTokens: 3, completionTokens: 2 });
  });

  it("fails a reply without token data, without retrying", async () => {
    const server = await fake({ respond: () => "plain reply" });
    const err = await policyErrorOf(createModelPolicy(trainerConfig(server.baseUrl), sampling, fast).complete(messages, ctx));
    expect(err).toMatchObject({ kind: "bad_response", attempts: 1 });
    expect(err.message).toMatch(/lacks token data/);
    expect(server.requests).toHaveLength(1);
  });
});

describe("createPolicy", () => {
  it("builds the policy of each kind; demo comes from the injected factory", async () => {
    const server = await fake({ respond: () => "from fake" });
    const demo = { label: "demo", isModel: false, complete: async () => ({ content: "demo", latencyMs: 0 }) };
    const seen: unknown[] = [];
    const deps = { createDemoPolicy: (c: unknown) => (seen.push(c), demo), clientOptions: fast };

    expect(createPolicy({ kind: "demo", seed: 3 }, sampling, deps)).toBe(demo);
    expect(seen).toEqual([{ kind: "demo", seed: 3 }]);

    const openai = createPolicy(openaiConfig(server.baseUrl, { model: "llama" }), sampling, deps);
    expect(openai).toMatchObject({ label: "openai:llama", isModel: true });
    expect((await openai.complete(messages, ctx)).content).toBe("from fake");

    const trainerConfig = policyConfigSchema.parse({ kind: "trainer", baseUrl: server.baseUrl });
    expect(createPolicy(trainerConfig, sampling, deps)).toMatchObject({ label: "trainer:policy", isModel: true });
  });
});
