import { z } from "zod";
import { LastAdminError } from "../../auth/change-user-role";
import { PERMISSIONS } from "../../auth/roles";
import { setUserActive } from "../../auth/set-user-active";
import { ActionError } from "../action-result";
import { defineAction } from "../define-action";

/** Deactivate a user (signs them out everywhere, refuses their sign-ins) or reactivate them. */
export const setUserActiveAction = defineAction({
  name: "setUserActive",
  role: PERMISSIONS.manageUsers,
  input: z.object({ userId: z.string().min(1), active: z.boolean() }),
  handler: async ({ userId, active }, { db, user }) => {
    if (!active && userId === user.id)
      throw new ActionError("CONFLICT", "you cannot deactivate yourself; ask another admin", { userId: ["yourself"] });
    try {
      const result = await db.$transaction((tx) => setUserActive(tx, userId, active), { isolationLevel: "Serializable" });
      if (!result) throw new ActionError("NOT_FOUND", "no such user");
      return result;
    } catch (err) {
      if (err instanceof LastAdminError) throw new ActionError("CONFLICT", err.message, { userId: ["last admin"] });
      throw err;
    }
  },
});
