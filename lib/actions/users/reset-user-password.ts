import { z } from "zod";
import { generatePassword, hashPassword } from "../../auth/password";
import { revokeUserSessions } from "../../auth/revoke-sessions";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";

/** Sets a fresh generated password and returns it once, for the admin to hand over; the user's sessions end. */
export const resetUserPasswordAction = defineAction({
  name: "resetUserPassword",
  role: PERMISSIONS.manageUsers,
  input: z.object({ userId: z.string().min(1) }),
  handler: async ({ userId }, { db }) => {
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { passwordHash } });
      // a reset usually means the old password (or a cookie) leaked: whoever holds a session signs in again
      await revokeUserSessions(tx, userId);
    });
    return { userId, generatedPassword: password };
  },
});
