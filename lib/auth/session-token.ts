import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import { deriveKey } from "../crypto/derive-key";
import { env } from "../config/env";

/**
 * The session is a sealed cookie (iron-session: AES-256-CBC + HMAC-SHA-256) holding the user id and
 * the id of a server-side Session row (lib/auth/create-session.ts). The row, the role and the user's
 * existence are read on every request, so sign-out, a revoked session, a role change or a deleted
 * account take effect at once, not when the cookie expires.
 */
export const SESSION_COOKIE = "rlef_session";
export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

const sessionDataSchema = z.object({ uid: z.string().min(1), sid: z.string().min(1), iat: z.number() });
export type SessionData = z.infer<typeof sessionDataSchema>;

function sessionPassword(): string {
  const fromEnv = env().RLEF_SESSION_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("RLEF_SESSION_SECRET must be at least 32 characters");
    return fromEnv;
  }
  return deriveKey("session-cookie").toString("hex");
}

/** Seal a cookie for an existing Session row; use createSession, which writes the row first. */
export function sealSession(userId: string, sessionId: string, now = Date.now()): Promise<string> {
  return sealData({ uid: userId, sid: sessionId, iat: now } satisfies SessionData, {
    password: sessionPassword(),
    ttl: SESSION_TTL_SECONDS,
  });
}

/** The session in a cookie value, or null when absent, forged, expired or sealed with another key. */
export async function unsealSession(token: string | undefined | null): Promise<SessionData | null> {
  if (!token) return null;
  try {
    const data = await unsealData<unknown>(token, { password: sessionPassword(), ttl: SESSION_TTL_SECONDS });
    const parsed = sessionDataSchema.safeParse(data);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  maxAge: number;
}

export function sessionCookieOptions(): SessionCookieOptions {
  // Plain http on 127.0.0.1 is the default deployment; behind TLS set RLEF_SECURE_COOKIES=1.
  return { httpOnly: true, sameSite: "lax", secure: env().RLEF_SECURE_COOKIES === "1", path: "/", maxAge: SESSION_TTL_SECONDS - 60 };
}
