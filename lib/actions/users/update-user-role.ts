import { z } from "zod";
import { changeUserRole, LastAdminError } from "../../auth/change-user-role";
import { PERMISSIONS, roleEnumOf } from "../../auth/roles";
import { ActionError } from "../action-result";
import { defineAction } from "../define-action";
import { roleInput } from "./user-input";

export const updateUserRoleAction = defineAction({
  name: "updateUserRole",
  role: PERMISSIONS.manageUsers,
  input: z.object({ userId: z.string().min(1), role: roleInput }),
  handler: async ({ userId, role }, { db }) => {
    try {
      const updated = await db.$transaction((tx) => changeUserRole(tx, userId, roleEnumOf(role)), { isolationLevel: "Serializable" });
      if (!updated) throw new ActionError("NOT_FOUND", "no such user");
      return updated;
    } catch (err) {
      if (err instanceof LastAdminError) throw new ActionError("CONFLICT", err.message, { role: ["last admin"] });
      throw err;
    }
  },
});
