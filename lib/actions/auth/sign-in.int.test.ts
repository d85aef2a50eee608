import { describe, expect, it } from "vitest";
import { SESSION_COOKIE, unsealSession } from "../../auth/session-token";
import { getPrisma } from "../../db/client";
import { memoryCookieJar } from "../cookie-jar";
import { createUserWithSession } from "../testing/action-fixtures";
import { safeNextPath, signInAction } from "./sign-in";
import { signOutAction } from "./sign-out";

const db = getPrisma();

describe("sign in and out", () => {
  it("sets a sealed session cookie for the right password and signs out again", async () => {
    const user = await createUserWithSession(db, "VIEWER");
    const jar = memoryCookieJar();
    const result = await signInAction.runWith(
      { db, cookies: jar },
      { email: user.email.toUpperCase(), password: user.password, next: "/compare?a=1" },
    );
    expect(result).toEqual({ ok: true, data: { redirectTo: "/compare?a=1", role: "VIEWER" } });
    const session = await unsealSession(jar.get(SESSION_COOKIE));
    expect(session?.uid).toBe(user.id);
    // the cookie holds no readable user data
    expect(jar.get(SESSION_COOKIE)).not.toContain(user.id);

    expect((await signOutAction.runWith({ db, cookies: jar }, {})).ok).toBe(true);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  });

  it("refuses a wrong password and an unknown email with the same message, setting no cookie", async () => {
    const user = await createUserWithSession(db, "VIEWER");
    for (const attempt of [
      { email: user.email, password: "wrong password" },
      { email: "nobody@test.local", password: user.password },
    ]) {
      const jar = memoryCookieJar();
      const result = await signInAction.runWith({ db, cookies: jar }, attempt);
      expect(result).toEqual({ ok: false, error: { code: "UNAUTHENTICATED", message: "wrong email or password" } });
      expect(jar.values.size).toBe(0);
    }
  });

  it("only redirects to paths of this site", () => {
    expect(safeNextPath("/runs/abc")).toBe("/runs/abc");
    expect(safeNextPath("https://evil.example")).toBe("/");
    expect(safeNextPath("//evil.example/x")).toBe("/");
    expect(safeNextPath("/\\evil.example")).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath("/login?next=/x")).toBe("/");
  });
});
