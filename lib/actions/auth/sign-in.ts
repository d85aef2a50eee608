import { z } from "zod";
import { authenticateUser } from "../../auth/authenticate-user";
import { sealSession, SESSION_COOKIE, sessionCookieOptions } from "../../auth/session-token";
import { ActionError } from "../action-result";
import { defineAction } from "../define-action";

/** Only same-site paths: an open redirect after sign-in would hand the session page to a phisher. */
export function safeNextPath(next: string | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next.startsWith("/login") ? "/" : next;
}

export const signInAction = defineAction({
  name: "signIn",
  role: "public",
  input: z.object({
    email: z.string().trim().min(1, "enter your email").max(320),
    password: z.string().min(1, "enter your password").max(1024),
    next: z.string().max(2048).optional(),
  }),
  handler: async ({ email, password, next }, { db, cookies }) => {
    const user = await authenticateUser(db, email, password);
    if (!user) throw new ActionError("UNAUTHENTICATED", "wrong email or password");
    cookies.set(SESSION_COOKIE, await sealSession(user.id), sessionCookieOptions());
    return { redirectTo: safeNextPath(next), role: user.role };
  },
});
