import { afterEach, describe, expect, it } from "vitest";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "./start-fake-openai-server";

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (url: string, body: unknown) =>
  fetch(`${url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("fake OpenAI server", () => {
  it("answers in order: script first, then the responder, recording each request", async () => {
    server = await startFakeOpenAIServer({
      script: ["first", { status: 418, body: "teapot", headers: { "x-extra": "1" } }],
      respond: (r) => `echo ${r.messages.at(-1)?.content}`,
    });
    const messages = [{ role: "user", content: "hi" }];
    const first = await (await post(server.baseUrl, { model: "m", messages })).json();
    expect(first.choices[0].message).toEqual({ role: "assistant", content: "first" });
    expect(first.usage).toEqual({ prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 });
    const second = await post(server.baseUrl, { model: "m", messages });
    expect([second.status, second.headers.get("x-extra"), await second.text()]).toEqual([418, "1", "teapot"]);
    const third = await (await post(server.baseUrl, { model: "m", messages })).json();
    expect(third.choices[0].message.content).toBe("echo hi");
    expect(server.requests.map((r) => [r.index, r.model, r.messages])).toEqual([0, 1, 2].map((i) => [i, "m", messages]));
  });

  it("lists a model, 404s unknown routes and turns a responder's exception into a 500", async () => {
    server = await startFakeOpenAIServer({
      respond: () => {
        throw new Error("test bug");
      },
    });
    expect((await (await fetch(`${server.baseUrl}/models`)).json()).data[0].id).toBe("fake-model");
    expect((await fetch(`${server.baseUrl}/completions`, { method: "POST", body: "{}" })).status).toBe(404);
    const failed = await post(server.baseUrl, { messages: [] });
    expect(failed.status).toBe(500);
    expect(await failed.text()).toContain("test bug");
  });

  it("closes promptly while a request hangs", async () => {
    server = await startFakeOpenAIServer({ respond: () => ({ fault: "hang" }) });
    const pending = post(server.baseUrl, { messages: [] }).catch((e: unknown) => e);
    await expect.poll(() => server!.inFlight).toBe(1);
    const started = Date.now();
    await server.close();
    server = undefined;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });
});
