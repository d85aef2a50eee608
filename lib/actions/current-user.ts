import { SESSION_COOKIE } from "../auth/session-token";
import { findSessionUser, type SessionUser } from "../auth/session-user";
import { getPrisma } from "../db/client";
import { nextCookieJar } from "./next-cookie-jar";

/** For server components and layouts: the signed-in user of this request, or null. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const cookies = await nextCookieJar();
  return findSessionUser(getPrisma(), cookies.get(SESSION_COOKIE));
}
