import { describe, expect, it } from "vitest";
import { memoryCookieJar } from "../actions/cookie-jar";
import { signInAction } from "../actions/auth/sign-in";
import { signOutAction } from "../actions/auth/sign-out";
import { createUserWithSession } from "../actions/testing/action-fixtures";
import { resetUserPasswordAction } from "../actions/users/reset-user-password";
import { setUserActiveAction } from "../actions/users/set-user-active";
import { updateUserRoleAction } from "../actions/users/update-user-role";
import { getPrisma } from "../db/client";
import { sealData } from "iron-session";
import { deriveKey } from "../crypto/derive-key";
import { SESSION_COOKIE, SESSION_TTL_SECONDS, sealSession } from "./session-token";
import { findSessionUser } from "./session-user";

const db = getPrisma();

async function signIn(email: string, password: string) {
  const jar = memoryCookieJar();
  const result = await signInAction.runWith({ db, cookies: jar }, { email, password });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return jar.get(SESSION_COOKIE)!;
}

describe("revocable sessions", () => {
  it("sign-out ends the session on the server: a copy of the cookie no longer works", async () => {
    const user = await createUserWithSession(db, "VIEWER");
    const token = await signIn(user.email, user.password);
    const copy = token; // the same cookie in another tab, or in a thief's hands
    expect(await findSessionUser(db, copy)).toMatchObject({ id: user.id });
    expect((await signOutAction.runWith({ db, cookies: memoryCookieJar({ [SESSION_COOKIE]: token }) }, {})).ok).toBe(true);
    expect(await findSessionUser(db, copy)).toBeNull();
    // the user's other sessions are untouched by one sign-out
    expect(await findSessionUser(db, user.token)).toMatchObject({ id: user.id });
  });

  it("a password reset, a role change and deactivation each end every session of the user", async () => {
    const admin = await createUserWithSession(db, "ADMIN");
    const cases: [string, (userId: string) => Promise<{ ok: boolean }>][] = [
      ["password reset", (userId) => resetUserPasswordAction.runWith({ db, cookies: admin.cookies() }, { userId })],
      ["role change", (userId) => updateUserRoleAction.runWith({ db, cookies: admin.cookies() }, { userId, role: "annotator" })],
      ["deactivation", (userId) => setUserActiveAction.runWith({ db, cookies: admin.cookies() }, { userId, active: false })],
    ];
    for (const [what, act] of cases) {
      const user = await createUserWithSession(db, "VIEWER");
      const second = await signIn(user.email, user.password);
      expect(await findSessionUser(db, user.token), what).not.toBeNull();
      expect((await act(user.id)).ok, what).toBe(true);
      expect(await findSessionUser(db, user.token), what).toBeNull();
      expect(await findSessionUser(db, second), what).toBeNull();
    }
    // the admin who did it is still signed in
    expect(await findSessionUser(db, admin.token)).toMatchObject({ id: admin.id });
  });

  it("a deactivated user cannot sign in until reactivated", async () => {
    const admin = await createUserWithSession(db, "ADMIN");
    const user = await createUserWithSession(db, "ANNOTATOR");
    expect(await setUserActiveAction.runWith({ db, cookies: admin.cookies() }, { userId: user.id, active: false })).toMatchObject({
      ok: true,
      data: { active: false, revokedSessions: 1 },
    });
    const refused = await signInAction.runWith({ db, cookies: memoryCookieJar() }, { email: user.email, password: user.password });
    expect(refused).toEqual({ ok: false, error: { code: "UNAUTHENTICATED", message: "wrong email or password" } });
    expect(await setUserActiveAction.runWith({ db, cookies: admin.cookies() }, { userId: user.id, active: true })).toMatchObject({
      ok: true,
    });
    expect(await findSessionUser(db, await signIn(user.email, user.password))).toMatchObject({ id: user.id, role: "ANNOTATOR" });
  });

  it("an admin cannot deactivate themselves", async () => {
    const admin = await createUserWithSession(db, "ADMIN");
    const self = await setUserActiveAction.runWith({ db, cookies: admin.cookies() }, { userId: admin.id, active: false });
    expect(self).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await findSessionUser(db, admin.token)).not.toBeNull();
  });

  it("refuses a well-sealed cookie whose session row is unknown, expired, or belongs to someone else", async () => {
    const a = await createUserWithSession(db, "VIEWER");
    const b = await createUserWithSession(db, "VIEWER");
    expect(await findSessionUser(db, await sealSession(a.id, "no-such-session"))).toBeNull();
    expect(await findSessionUser(db, await sealSession(a.id, b.sessionId))).toBeNull();
    await db.session.update({ where: { id: a.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findSessionUser(db, a.token)).toBeNull();
    // the cookie format before server-side sessions: a user id and nothing to revoke
    const legacy = await sealData(
      { uid: b.id, iat: Date.now() },
      { password: process.env.RLEF_SESSION_SECRET || deriveKey("session-cookie").toString("hex"), ttl: SESSION_TTL_SECONDS },
    );
    expect(await findSessionUser(db, legacy)).toBeNull();
  });

  it("a live session of a deactivated user is refused on its own, not only through revocation", async () => {
    // e.g. an account switched off in the database by an operator, with its sessions left as they were
    const user = await createUserWithSession(db, "VIEWER");
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await db.session.findUniqueOrThrow({ where: { id: user.sessionId } })).toMatchObject({ revokedAt: null });
    expect(await findSessionUser(db, user.token)).toBeNull();
  });
});
