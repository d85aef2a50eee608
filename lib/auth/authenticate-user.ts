import type { Db } from "../db/client";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { SESSION_USER_SELECT, type SessionUser } from "./session-user";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The user for an email and password, or null; an unknown email, a wrong password and a deactivated
 * account all take the same time and give the same answer. A correct password stored with an older
 * algorithm (bcrypt) is re-hashed with today's (scrypt) on the way.
 */
export async function authenticateUser(db: Db, email: string, password: string): Promise<SessionUser | null> {
  const row = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { ...SESSION_USER_SELECT, passwordHash: true, deactivatedAt: true },
  });
  const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyPasswordHash()));
  if (!row || !ok || row.deactivatedAt) return null;
  if (needsRehash(row.passwordHash)) {
    const passwordHash = await hashPassword(password);
    // only if nobody changed it meanwhile (an admin's reset wins)
    await db.user.updateMany({ where: { id: row.id, passwordHash: row.passwordHash }, data: { passwordHash } });
  }
  const { passwordHash: _hash, deactivatedAt: _deactivated, ...user } = row;
  return user;
}
