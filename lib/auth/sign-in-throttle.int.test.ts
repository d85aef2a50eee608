import { randomUUID } from "node:crypto";
import { describe, expect, it, onTestFinished } from "vitest";
import { memoryCookieJar } from "../actions/cookie-jar";
import { signInAction } from "../actions/auth/sign-in";
import { createUserWithSession } from "../actions/testing/action-fixtures";
import { getPrisma } from "../db/client";
import { reserveSignInAttempt, throttleRules } from "./sign-in-throttle";

const db = getPrisma();
const address = () => `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;
const attempt = (email: string, password: string, clientAddress?: string) =>
  signInAction.runWith({ db, cookies: memoryCookieJar(), clientAddress }, { email, password });

describe("sign-in throttle", () => {
  it("after the free attempts an account must wait, even with the right password", async () => {
    const user = await createUserWithSession(db, "VIEWER");
    const { free } = throttleRules().account;
    for (let i = 0; i < free; i++) expect((await attempt(user.email, "wrong guess", address())).ok).toBe(false);
    const blocked = await attempt(user.email, user.password, address());
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/try again in \d+ s/) },
    });
  });

  it("20 parallel wrong guesses: only the free allowance reaches the password check", async () => {
    const user = await createUserWithSession(db, "VIEWER");
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt(user.email, "wrong guess", address())));
    const codes = results.map((r) => (r.ok ? "OK" : r.error.code));
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(throttleRules().account.free);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(20 - throttleRules().account.free);
  });

  it("one address guessing many accounts is throttled too; a correct sign-in gives its attempt back", async () => {
    process.env.RLEF_SIGNIN_FREE_PER_ADDRESS = "8"; // the default 30 works the same, only slower
    onTestFinished(() => void delete process.env.RLEF_SIGNIN_FREE_PER_ADDRESS);
    const from = address();
    const user = await createUserWithSession(db, "VIEWER");
    const { free } = throttleRules().address;
    expect((await attempt(user.email, user.password, from)).ok).toBe(true); // refunded: costs the address nothing
    for (let i = 0; i < free; i++) {
      expect(await attempt(`nobody-${i}-${randomUUID()}@test.local`, "guess", from)).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    }
    // past the allowance each attempt must wait 1, 2, 4… s after the last: a few more guesses meet the wait
    let refused = false;
    for (let i = 0; i < 6 && !refused; i++) {
      const r = await attempt(`nobody-else-${randomUUID()}@test.local`, "guess", from);
      refused = !r.ok && r.error.code === "TOO_MANY_REQUESTS";
    }
    expect(refused).toBe(true);
    // another address is not affected
    expect((await attempt(user.email, user.password, address())).ok).toBe(true);
  });

  it("backs off exponentially after the allowance and starts afresh after the window", async () => {
    const key = { key: `account:backoff-${randomUUID()}`, rule: { free: 2, windowSeconds: 3600, maxDelaySeconds: 60 } };
    const t0 = new Date("2026-01-01T00:00:00Z").getTime();
    const at = (s: number) => new Date(t0 + s * 1000);
    expect(await reserveSignInAttempt(db, [key], at(0))).toEqual({ allowed: true });
    expect(await reserveSignInAttempt(db, [key], at(0))).toEqual({ allowed: true }); // 2nd: next must wait 1 s
    expect(await reserveSignInAttempt(db, [key], at(0.5))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await reserveSignInAttempt(db, [key], at(1))).toEqual({ allowed: true }); // 3rd: next waits 2 s
    expect(await reserveSignInAttempt(db, [key], at(2))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await reserveSignInAttempt(db, [key], at(3))).toEqual({ allowed: true }); // 4th: 4 s
    expect(await reserveSignInAttempt(db, [key], at(4))).toEqual({ allowed: false, retryAfterSeconds: 3 });
    for (let s = 7, wait = 4; wait <= 64; s += Math.min(wait * 2, 60), wait *= 2) await reserveSignInAttempt(db, [key], at(s));
    // capped at maxDelaySeconds
    const capped = await reserveSignInAttempt(db, [key], at(300));
    expect(capped.allowed || capped.retryAfterSeconds <= 60).toBe(true);
    // a new window: free again
    expect(await reserveSignInAttempt(db, [key], at(3600 * 2))).toEqual({ allowed: true });
  });
});
