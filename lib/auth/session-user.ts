import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { unsealSession } from "./session-token";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

export const SESSION_USER_SELECT = { id: true, email: true, name: true, role: true } as const;

/**
 * The signed-in user behind a session cookie value, or null: the seal must verify, and its Session
 * row must exist, belong to that user, be neither revoked nor expired, and the user must not be
 * deactivated. One indexed read per request. Never selects the password hash.
 */
export async function findSessionUser(db: Db, token: string | undefined | null, now = new Date()): Promise<SessionUser | null> {
  const data = await unsealSession(token);
  if (!data) return null;
  const session = await db.session.findUnique({
    where: { id: data.sid },
    select: { userId: true, revokedAt: true, expiresAt: true, user: { select: { ...SESSION_USER_SELECT, deactivatedAt: true } } },
  });
  if (!session || session.userId !== data.uid || session.revokedAt || session.expiresAt <= now || session.user.deactivatedAt) return null;
  const { deactivatedAt: _deactivated, ...user } = session.user;
  return user;
}
