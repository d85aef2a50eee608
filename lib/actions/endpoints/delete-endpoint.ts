import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";

/** Runs keep their config (with base URL and model); their endpoint link becomes null. */
export const deleteEndpointAction = defineAction({
  name: "deleteEndpoint",
  role: PERMISSIONS.manageEndpoints,
  input: z.object({ id: z.string().min(1) }),
  handler: async ({ id }, { db }) => {
    await db.modelEndpoint.delete({ where: { id } });
    return { id };
  },
});
