import http from "node:http";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { httpSignIn, loginFormFields } from "../lib/testing/http-sign-in";
import { ensureE2eAccount } from "./fixtures/sign-in";
import { withDb } from "./fixtures/studio-db";
import { pidListeningOn, rssMiB } from "./fixtures/web-process";

// Issue 13 over real HTTP against the app as `npm start` runs it (no browser needed): bounded
// request bodies, the streamed dataset upload, the open-redirect check, NUL bytes, headers.
const MiB = 1024 * 1024;
let base = "";
// Playwright requires an object pattern for the fixtures, even when none is used
// eslint-disable-next-line no-empty-pattern
test.beforeAll(({}, info) => {
  base = String(info.project.use.baseURL);
});

/** POST `bytes` of zeros (declared with Content-Length unless chunked) and wait until the server answers or hangs up. */
function postBody(
  path: string,
  bytes: number,
  headers: Record<string, string> = {},
  chunked = false,
): Promise<{ status: number | null; sent: number }> {
  return new Promise((resolve) => {
    const url = new URL(path, base);
    const req = http.request(url, { method: "POST", headers: { ...headers, ...(chunked ? {} : { "content-length": String(bytes) }) } });
    let sent = 0;
    let status: number | null = null;
    const chunk = Buffer.alloc(MiB);
    const finish = () => resolve({ status, sent });
    req.on("response", (res) => {
      status = res.statusCode ?? null;
      res.resume();
      res.on("end", finish);
    });
    req.on("error", finish); // the server hung up on an oversized body: that is the point
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

test.describe("bounded request bodies", () => {
  test("a 200 MB unauthenticated POST to any page leaves the web's RSS within 50 MB", async () => {
    test.setTimeout(300_000);
    const pid = pidListeningOn(Number(new URL(base).port));
    await fetch(`${base}/login`); // warm: the page is compiled and cached before the first measurement
    const cases: [string, string, Record<string, string>, boolean?][] = [
      ["server action on /login", "/login", { "next-action": "7f".repeat(21), "content-type": "multipart/form-data; boundary=x" }],
      ["form post to /login", "/login", { "content-type": "application/x-www-form-urlencoded" }],
      ["page behind the sign-in (/runs)", "/runs", { "content-type": "text/plain" }],
      [
        "dataset upload route, signed out",
        "/api/datasets/upload?dataset=x&split=test&fileName=a.jsonl",
        { "content-type": "application/octet-stream" },
      ],
      ["chunked body without a length (/login)", "/login", { "content-type": "text/plain" }, true],
    ];
    const lines: string[] = [];
    const baseline = rssMiB(pid);
    for (const [what, path, headers, chunked] of cases) {
      const before = rssMiB(pid);
      const { status, sent } = await postBody(path, 200 * MiB, headers, chunked);
      await new Promise((r) => setTimeout(r, 1500));
      const after = rssMiB(pid);
      lines.push(
        `${what}: HTTP ${status ?? "(hung up)"}, sent ${(sent / MiB).toFixed(0)} MiB, RSS ${before.toFixed(0)} → ${after.toFixed(0)} MiB (${(after - before).toFixed(1)})`,
      );
      expect(status === null || status >= 400, what).toBe(true);
      expect(after - before, `${what}: RSS grew ${(after - before).toFixed(0)} MiB`).toBeLessThan(50);
    }
    console.log(`[security-http] web pid ${pid}, RSS at start ${baseline.toFixed(0)} MiB\n  ${lines.join("\n  ")}`);
    expect(rssMiB(pid) - baseline).toBeLessThan(50);
  });

  test("an admin's 400 MB dataset upload is streamed and imported; others are refused before the body is read", async () => {
    test.setTimeout(600_000);
    const pid = pidListeningOn(Number(new URL(base).port));
    const admin = await ensureE2eAccount("admin");
    const viewer = await ensureE2eAccount("viewer");
    const adminCookie = (await httpSignIn(base, admin.email, admin.password)).cookie!;
    const viewerCookie = (await httpSignIn(base, viewer.email, viewer.password)).cookie!;
    expect(adminCookie).toBeTruthy();

    const dataset = `upload-400mb-${randomUUID().slice(0, 8)}`;
    const query = `/api/datasets/upload?dataset=${dataset}&split=test&format=jsonl&fileName=big.jsonl`;
    expect((await postBody(query, 10 * MiB, { cookie: viewerCookie })).status).toBe(403);

    // 20,480 problems, each line exactly 20 KiB (a statement-sized description): 400 MiB in all
    const LINE = 20 * 1024;
    const COUNT = 20 * 1024;
    const text = "Read N and print N squared. ";
    const line = (i: number) => {
      const head = JSON.stringify({
        externalId: `big-${i}`,
        name: `Big ${i}`,
        description: "",
        publicTests: [{ input: "2\n", output: "4\n" }],
      });
      const room = LINE - 1 - Buffer.byteLength(head);
      return head.replace('"description":""', `"description":"${text.repeat(Math.ceil(room / text.length)).slice(0, room)}"`) + "\n";
    };
    expect(Buffer.byteLength(line(0))).toBe(LINE);
    const total = LINE * COUNT;
    const peak = { rss: rssMiB(pid) };
    const before = peak.rss;
    const sampler = setInterval(() => (peak.rss = Math.max(peak.rss, rssMiB(pid))), 250);
    const started = Date.now();
    const result = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(new URL(query, base), {
        method: "POST",
        headers: { cookie: adminCookie, "content-type": "application/octet-stream", "content-length": String(total) },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      let i = 0;
      const pump = () => {
        while (i < COUNT) if (!req.write(line(i++))) return void req.once("drain", pump);
        req.end();
      };
      pump();
    }).finally(() => clearInterval(sampler));
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `[security-http] upload of ${(total / MiB).toFixed(0)} MiB: HTTP ${result.status} in ${seconds.toFixed(1)} s; web RSS ${before.toFixed(0)} MiB before, peak ${peak.rss.toFixed(0)} MiB`,
    );
    expect(result.status, result.body.slice(0, 500)).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ ok: true, data: { created: COUNT, uploadedBytes: total } });
    await withDb((c) => c.query(`DELETE FROM "Dataset" WHERE name = $1`, [dataset]));
  });
});

test.describe("sign-in, redirects, parameters and headers", () => {
  test("after sign-in only same-origin paths are followed, checked after URL parsing", async () => {
    const viewer = await ensureE2eAccount("viewer");
    const signedIn = await httpSignIn(base, viewer.email, viewer.password, { next: "/\t/attacker.example/" });
    expect(signedIn.status).toBe(303);
    expect(new URL(signedIn.location!, base).origin).toBe(new URL(base).origin);
    // the URL, opened while signed in: the login page sends you on
    const page = await fetch(`${base}/login?next=%2F%09%2Fattacker.example%2F`, {
      headers: { cookie: signedIn.cookie! },
      redirect: "manual",
    });
    expect([303, 307, 308]).toContain(page.status);
    expect(new URL(page.headers.get("location")!, base).origin).toBe(new URL(base).origin);
  });

  test("wrong passwords are throttled per account over HTTP", async () => {
    const email = `nobody-${randomUUID()}@test.local`;
    const fields = await loginFormFields(base);
    // 5 free attempts, then each must wait 1, 2, 4… s after the last: one guess after another (each
    // about a second here) soon runs into the wait. Before the throttle, all 12 were checked.
    const answers: string[] = [];
    for (let i = 0; i < 12; i++) {
      const body = (await httpSignIn(base, email, "a wrong guess", { fields })).body;
      answers.push(body.match(/too many sign-in attempts: try again in \d+ s|wrong email or password/)?.[0] ?? "other");
      if (answers.at(-1)!.startsWith("too many")) break;
    }
    expect(answers.slice(0, 5)).toEqual(Array(5).fill("wrong email or password"));
    expect(answers.at(-1)).toMatch(/too many sign-in attempts: try again in \d+ s/);
  });

  test("a NUL byte in a query parameter is a 400 naming it, never a database error", async () => {
    const viewer = await ensureE2eAccount("viewer");
    const cookie = (await httpSignIn(base, viewer.email, viewer.password)).cookie!;
    const api = await fetch(`${base}/api/annotations/export?format=jsonl&run=ab%00cd`, { headers: { cookie } });
    const apiText = await api.text();
    expect(api.status).toBe(400);
    expect(apiText).toContain('query parameter \\"run\\"');
    const page = await fetch(`${base}/runs?status=%00`, { headers: { cookie } });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('query parameter "status"');
    expect(apiText).not.toMatch(/0x00|invalid byte sequence|prisma/i);
  });

  test("the export's run parameter cannot shape the Content-Disposition header", async () => {
    const viewer = await ensureE2eAccount("viewer");
    const cookie = (await httpSignIn(base, viewer.email, viewer.password)).cookie!;
    const res = await fetch(`${base}/api/annotations/export?format=csv&run=${encodeURIComponent('x"; filename=evil.sh; a="')}`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[\w.-]+"$/);
    await res.body?.cancel();
  });

  test("every page carries a Content-Security-Policy that forbids framing and external images", async () => {
    const res = await fetch(`${base}/login`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/img-src 'self' data: blob:(;|$)/);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });
});
