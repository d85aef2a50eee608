import type { Db } from "../db/client";
import { dummyPasswordHash, verifyPassword } from "./password";
import { SESSION_USER_SELECT, type SessionUser } from "./session-user";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The user for an email and password, or null; both failure cases take the same time. */
export async function authenticateUser(db: Db, email: string, password: string): Promise<SessionUser | null> {
  const row = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { ...SESSION_USER_SELECT, passwordHash: true },
  });
  const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyPasswordHash()));
  if (!row || !ok) return null;
  const { passwordHash: _hash, ...user } = row;
  return user;
}
