import type { Db } from "../db/client";
import { unsealSession } from "./session-token";

type SessionDb = Pick<Db, "session">;

/** End the session a cookie names (sign-out). A forged or already-dead cookie is a no-op. */
export async function revokeSessionOf(db: SessionDb, token: string | undefined | null): Promise<void> {
  const data = await unsealSession(token);
  if (!data) return;
  await db.session.updateMany({ where: { id: data.sid, userId: data.uid, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * End every session of a user: after a password reset, a role change or deactivation, whoever holds
 * an old cookie (a stolen one included) must sign in again. Returns how many were live.
 */
export async function revokeUserSessions(db: SessionDb, userId: string): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
