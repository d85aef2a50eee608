import { describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import { gateSignIn, guardRequest, isSignInPost } from "./request-guard.js";

function fakeExchange(url: string, headers: Record<string, string>, remoteAddress = "203.0.113.9") {
  const res = {
    status: 0,
    body: "",
    writeHead(s: number) {
      this.status = s;
      return this;
    },
    end(b?: string) {
      this.body = b ?? "";
    },
  };
  const req = { url, headers: { ...headers } as Record<string, string | undefined>, socket: { remoteAddress } };
  return {
    req,
    res,
    run: (limits = { maxBodyBytes: 100, maxUploadBytes: 1000, trustProxy: false }) => guardRequest(req as never, res as never, limits),
  };
}

describe("request guard", () => {
  it("refuses a declared body over the path's limit before anything reads it", () => {
    const big = fakeExchange("/login", { "content-length": "101" });
    expect(big.run()).toBe(true);
    expect(big.res.status).toBe(413);
    expect(fakeExchange("/login", { "content-length": "100" }).run()).toBe(false);
    expect(fakeExchange("/api/datasets/upload?x=1", { "content-length": "999" }).run()).toBe(false);
    const upload = fakeExchange("/api/datasets/upload", { "content-length": "1001" });
    expect(upload.run()).toBe(true);
    expect(upload.res.status).toBe(413);
  });

  it("wants a Content-Length for bodies outside the upload path", () => {
    const chunked = fakeExchange("/", { "transfer-encoding": "chunked" });
    expect(chunked.run()).toBe(true);
    expect(chunked.res.status).toBe(411);
    expect(fakeExchange("/api/datasets/upload", { "transfer-encoding": "chunked" }).run()).toBe(false);
  });

  it("takes the client address from the socket, not from what the client sends", () => {
    const spoofed = fakeExchange("/login", { "x-forwarded-for": "10.9.9.9", "x-rlef-client-address": "10.1.1.1" });
    spoofed.run();
    expect(spoofed.req.headers["x-rlef-client-address"]).toBe("203.0.113.9");
    expect(spoofed.req.headers["x-forwarded-for"]).toBeUndefined();
    const proxied = fakeExchange("/login", { "x-forwarded-for": "10.9.9.9, 198.51.100.7" }, "127.0.0.1");
    proxied.run({ maxBodyBytes: 100, maxUploadBytes: 1000, trustProxy: true });
    expect(proxied.req.headers["x-rlef-client-address"]).toBe("198.51.100.7");
  });
});

describe("sign-in gate", () => {
  function exchange(address: string) {
    const res = Object.assign(new EventEmitter(), {
      status: 0,
      writableEnded: false,
      destroyed: false,
      writeHead(s: number) {
        this.status = s;
        return this;
      },
      end() {
        this.writableEnded = true;
      },
    });
    return { req: { method: "POST", url: "/login", headers: { "x-rlef-client-address": address } }, res };
  }

  it("lets two sign-ins per address through at once, queues the rest in order, refuses past the queue", () => {
    const started: number[] = [];
    const calls = Array.from({ length: 5 }, (_, i) => ({ ...exchange("198.51.100.1"), i }));
    for (const c of calls) gateSignIn(c.req as never, c.res as never, () => started.push(c.i), { concurrency: 2, maxQueued: 2 });
    expect(started).toEqual([0, 1]);
    expect(calls[4].res.status).toBe(429); // past the queue of 2
    const other = exchange("198.51.100.2");
    gateSignIn(other.req as never, other.res as never, () => started.push(99), { concurrency: 2, maxQueued: 2 });
    expect(started).toEqual([0, 1, 99]); // another address does not wait
    calls[0].res.emit("close");
    expect(started).toEqual([0, 1, 99, 2]);
    calls[1].res.emit("close");
    calls[2].res.emit("close");
    expect(started).toEqual([0, 1, 99, 2, 3]);
    expect(isSignInPost({ method: "POST", url: "/login?next=/x" } as never)).toBe(true);
    expect(isSignInPost({ method: "GET", url: "/login" } as never)).toBe(false);
  });
});
