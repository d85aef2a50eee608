import { z } from "zod";
import { generatePassword, hashPassword } from "../../auth/password";
import { PERMISSIONS, roleEnumOf } from "../../auth/roles";
import { ActionError } from "../action-result";
import { defineAction } from "../define-action";
import { emailInput, passwordInput, roleInput } from "./user-input";

export const createUserAction = defineAction({
  name: "createUser",
  role: PERMISSIONS.manageUsers,
  input: z.object({
    email: emailInput,
    name: z.string().trim().max(200).optional(),
    role: roleInput,
    /** empty: a password is generated and returned once */
    password: z.union([passwordInput, z.literal("")]).optional(),
  }),
  handler: async (input, { db }) => {
    const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new ActionError("CONFLICT", `a user with email ${input.email} exists`, { email: ["already taken"] });
    const password = input.password || generatePassword();
    const user = await db.user.create({
      data: { email: input.email, name: input.name || null, role: roleEnumOf(input.role), passwordHash: await hashPassword(password) },
      select: { id: true, email: true },
    });
    return { ...user, generatedPassword: input.password ? undefined : password };
  },
});
