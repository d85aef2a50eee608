import { z } from "zod";
import { generatePassword, hashPassword } from "../../auth/password";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";

/** Sets a fresh generated password and returns it once, for the admin to hand over. */
export const resetUserPasswordAction = defineAction({
  name: "resetUserPassword",
  role: PERMISSIONS.manageUsers,
  input: z.object({ userId: z.string().min(1) }),
  handler: async ({ userId }, { db }) => {
    const password = generatePassword();
    await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
    return { userId, generatedPassword: password };
  },
});
