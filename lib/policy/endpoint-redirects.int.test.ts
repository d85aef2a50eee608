import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { policyConfigSchema, samplingConfigSchema } from "../config/run-config";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../testing/fake-openai/start-fake-openai-server";
import { createModelPolicy, type ModelPolicyConfig } from "./model-policy";
import { PolicyError } from "./types";

type OpenAIConfig = Extract<ModelPolicyConfig, { kind: "openai" }>;

const sampling = samplingConfigSchema.parse({ temperature: 0, maxTokens: 16 });
const ctx = { problemId: "p", sampleIndex: 0, turnIndex: 0 };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

/** A server that answers every request with `status` and a Location built from the request path. */
async function redirector(status: number, location: (path: string) => string): Promise<{ baseUrl: string; hits: string[] }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    req.resume();
    res.writeHead(status, { location: location(req.url ?? "/") }).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(() => new Promise((r) => server.close(() => r())));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, hits };
}

function config(baseUrl: string): OpenAIConfig {
  return {
    ...(policyConfigSchema.parse({ kind: "openai", baseUrl, model: `m-${randomUUID()}`, maxRetries: 2 }) as OpenAIConfig),
    apiKeyEnv: "RLEF_REDIRECT_TEST_KEY",
  };
}

describe("model endpoints never follow a redirect to another origin", () => {
  it.each([307, 308, 302])("a %i to another origin fails at once and the other origin receives nothing", async (status) => {
    const elsewhere: FakeOpenAIServer = await startFakeOpenAIServer({ respond: () => ({ content: "leaked" }) });
    closers.push(() => elsewhere.close());
    const endpoint = await redirector(status, (p) => `${elsewhere.baseUrl.replace(/\/v1$/, "")}${p}`);
    process.env.RLEF_REDIRECT_TEST_KEY = "sk-secret";
    const err = await createModelPolicy(config(endpoint.baseUrl), sampling, { backoffBaseMs: 1, backoffMaxMs: 2 })
      .complete([{ role: "user", content: "the prompt" }], ctx)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(PolicyError);
    expect((err as PolicyError).message).toMatch(/redirect to http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: another origin/);
    expect(elsewhere.requests).toHaveLength(0);
    expect(endpoint.hits).toHaveLength(1); // not retried: a redirect will not change its mind
  });

  it("follows a 307 within the endpoint's own origin", async () => {
    const real = await startFakeOpenAIServer({ respond: () => ({ content: "hello" }) });
    closers.push(() => real.close());
    // the redirect sits in front of the answer, on the same origin
    const origin = new URL(real.baseUrl).origin;
    const server = http.createServer((req, res) => {
      if (req.url?.startsWith("/old/")) return void res.writeHead(307, { location: req.url.replace("/old", "") }).end();
      // proxy to the fake server so the answer comes from the same origin as the redirect
      const upstream = http.request(`${origin}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 500, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    closers.push(() => new Promise((r) => server.close(() => r())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/old/v1`;
    const reply = await createModelPolicy(config(base), sampling, { backoffBaseMs: 1, backoffMaxMs: 2 }).complete(
      [{ role: "user", content: "hi" }],
      ctx,
    );
    expect(reply.content).toBe("hello");
    expect(real.requests).toHaveLength(1);
  });
});
