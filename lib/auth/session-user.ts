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

/** The signed-in user behind a session cookie value, or null. Never selects the password hash. */
export async function findSessionUser(db: Db, token: string | undefined | null): Promise<SessionUser | null> {
  const session = await unsealSession(token);
  if (!session) return null;
  return db.user.findUnique({ where: { id: session.uid }, select: SESSION_USER_SELECT });
}
