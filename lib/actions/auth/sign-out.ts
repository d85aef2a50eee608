import { z } from "zod";
import { SESSION_COOKIE } from "../../auth/session-token";
import { defineAction } from "../define-action";

export const signOutAction = defineAction({
  name: "signOut",
  role: "viewer",
  input: z.object({}).optional(),
  handler: async (_input, { cookies }) => {
    cookies.delete(SESSION_COOKIE);
    return { signedOut: true };
  },
});
