import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ChatMessage } from "../../policy/types";
import { completionBody, isFault, isHttpReply, type FakeChatRequest, type FakeReply, type FakeResponder } from "./fake-replies";

export interface FakeOpenAIServerOptions {
  /** answers every request not covered by `script`; default: "fake reply <index>" */
  respond?: FakeResponder;
  /** answers for the first requests, in arrival order (a function entry is called with the request) */
  script?: Array<FakeReply | FakeResponder>;
}

export interface FakeOpenAIServer {
  /** e.g. http://127.0.0.1:40123/v1 */
  baseUrl: string;
  /** every request received, in arrival order (chat completions and anything else) */
  requests: FakeChatRequest[];
  /** chat-completion requests being answered right now */
  readonly inFlight: number;
  /** the most chat-completion requests ever answered at once */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

/**
 * A fake OpenAI-compatible server speaking real HTTP on 127.0.0.1 (random port), for tests of anything
 * that talks to a model endpoint: `POST /v1/chat/completions` answers as programmed (content, HTTP
 * errors with headers, hangs, resets, malformed JSON); `GET /v1/models` lists one model.
 */
export async function startFakeOpenAIServer(options: FakeOpenAIServerOptions = {}): Promise<FakeOpenAIServer> {
  const requests: FakeChatRequest[] = [];
  const respond: FakeResponder = options.respond ?? ((request) => `fake reply ${request.index}`);
  const script = [...(options.script ?? [])];
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      // a bug in a test's responder must show up as a loud 500, not a hang
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake server: ${String(err)}`, type: "fake_error" } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const request = recordRequest(req, rawBody);
    const path = request.path.split("?")[0];
    if (req.method === "GET" && path.endsWith("/models")) {
      sendJson(res, 200, { object: "list", data: [{ id: "fake-model", object: "model", owned_by: "fake" }] });
      return;
    }
    if (req.method !== "POST" || !path.endsWith("/chat/completions")) {
      sendJson(res, 404, { error: { message: `fake server: no route ${req.method} ${path}`, type: "not_found" } });
      return;
    }
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once("close", () => (inFlight -= 1));
    const scripted = script.shift();
    const reply = typeof scripted === "function" ? await scripted(request) : (scripted ?? (await respond(request)));
    await answer(reply, request, req, res);
  }

  function recordRequest(req: IncomingMessage, rawBody: string): FakeChatRequest {
    let body: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(rawBody);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    const request: FakeChatRequest = {
      index: requests.length,
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      rawBody,
      body,
      messages: Array.isArray(body?.messages) ? (body.messages as ChatMessage[]) : [],
      model: typeof body?.model === "string" ? body.model : undefined,
      receivedAt: Date.now(),
    };
    requests.push(request);
    return request;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // hanging requests and idle keep-alive sockets would otherwise keep close() waiting
        server.closeAllConnections();
      }),
  };
}

async function answer(reply: FakeReply, request: FakeChatRequest, req: IncomingMessage, res: ServerResponse) {
  const delayMs = typeof reply === "object" ? (reply.delayMs ?? 0) : 0;
  if (delayMs > 0) await waitUnlessClosed(delayMs, res);
  if (res.destroyed) return;
  if (isFault(reply)) {
    if (reply.fault === "hang") return; // leave the response open; the client must time out
    if (reply.fault === "reset") {
      req.socket.resetAndDestroy();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"id":"chatcmpl-broken","choices":[{"index":0,"message":{"role":"assistant","content":"trunc');
    return;
  }
  if (isHttpReply(reply)) {
    const text = typeof reply.body === "string" ? reply.body : reply.body === undefined ? "" : JSON.stringify(reply.body);
    const contentType = typeof reply.body === "string" ? "text/plain" : "application/json";
    res.writeHead(reply.status, { "content-type": contentType, ...reply.headers });
    res.end(text);
    return;
  }
  sendJson(res, 200, completionBody(request, reply));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

// Stops waiting as soon as the client goes away, so a delayed reply to an aborted request is dropped.
function waitUnlessClosed(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once("close", done);
    function done() {
      clearTimeout(timer);
      res.off("close", done);
      resolve();
    }
  });
}
