import { env } from "../../config/env";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { authenticateUser, normalizeEmail } from "../../auth/authenticate-user";
import { createSession } from "../../auth/create-session";
import { HashingBusyError } from "../../auth/hash-slots";
import { safeNextPath } from "../../auth/safe-next-path";
import { SESSION_COOKIE, sessionCookieOptions } from "../../auth/session-token";
import { recordSignInSuccess, reserveSignInAttempt, signInThrottleKeys } from "../../auth/sign-in-throttle";
import { ActionError } from "../action-result";
import { defineAction } from "../define-action";

export { safeNextPath };

// A refused attempt is answered only after this long (at most): a client guessing in a loop is then
// paced by timers, which cost nothing, instead of getting back an instant answer and asking again —
// measured by bench/sign-in-flood.ts, instant refusals made the flood a flood of page renders.
const REFUSAL_DELAY_MAX_MS = Number(env().RLEF_SIGNIN_REFUSAL_DELAY_MS ?? 5000);

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

export const signInAction = defineAction({
  name: "signIn",
  role: "public",
  input: z.object({
    email: z.string().trim().min(1, "enter your email").max(320),
    password: z.string().min(1, "enter your password").max(1024),
    next: z.string().max(2048).optional(),
  }),
  handler: async ({ email, password, next }, { db, cookies, clientAddress }) => {
    // counted before the password is checked: a refused attempt costs no hashing (lib/auth/sign-in-throttle.ts)
    const keys = signInThrottleKeys(normalizeEmail(email), clientAddress);
    const gate = await reserveSignInAttempt(db, keys);
    if (!gate.allowed) {
      await sleep(Math.min(gate.retryAfterSeconds * 1000, REFUSAL_DELAY_MAX_MS));
      throw new ActionError("TOO_MANY_REQUESTS", `too many sign-in attempts: try again in ${formatWait(gate.retryAfterSeconds)}`);
    }
    let user;
    try {
      user = await authenticateUser(db, email, password);
    } catch (err) {
      if (err instanceof HashingBusyError) throw new ActionError("TOO_MANY_REQUESTS", err.message);
      throw err;
    }
    if (!user) throw new ActionError("UNAUTHENTICATED", "wrong email or password");
    await recordSignInSuccess(db, keys);
    const { token } = await createSession(db, user.id);
    cookies.set(SESSION_COOKIE, token, sessionCookieOptions());
    return { redirectTo: safeNextPath(next), role: user.role };
  },
});
