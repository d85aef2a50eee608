import { z } from "zod";
import { revokeSessionOf } from "../../auth/revoke-sessions";
import { SESSION_COOKIE } from "../../auth/session-token";
import { defineAction } from "../define-action";

export const signOutAction = defineAction({
  name: "signOut",
  role: "viewer",
  input: z.object({}).optional(),
  handler: async (_input, { db, cookies }) => {
    // the server-side record ends too: a copy of the cookie (another tab, a thief) stops working
    await revokeSessionOf(db, cookies.get(SESSION_COOKIE));
    cookies.delete(SESSION_COOKIE);
    return { signedOut: true };
  },
});
