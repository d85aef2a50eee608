import { describe, expect, it } from "vitest";
import { guardRequest } from "./request-guard.js";

function fakeExchange(url: string, headers: Record<string, string>, remoteAddress = "203.0.113.9") {
  const res = { status: 0, body: "", writeHead(s: number) { this.status = s; return this; }, end(b?: string) { this.body = b ?? ""; } };
  const req = { url, headers: { ...headers } as Record<string, string | undefined>, socket: { remoteAddress } };
  return { req, res, run: (limits = { maxBodyBytes: 100, maxUploadBytes: 1000, trustProxy: false }) => guardRequest(req as never, res as never, limits) };
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
