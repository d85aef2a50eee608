import type { Db } from "../db/client";
import { sealSession, SESSION_TTL_SECONDS } from "./session-token";

/** A new server-side session for the user and the sealed cookie value that names it. */
export async function createSession(db: Db, userId: string, now = new Date()): Promise<{ sessionId: string; token: string }> {
  const session = await db.session.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000) },
    select: { id: true },
  });
  return { sessionId: session.id, token: await sealSession(userId, session.id, now.getTime()) };
}
