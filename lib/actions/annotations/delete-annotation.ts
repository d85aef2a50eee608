import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";
import { loadOwnAnnotation } from "./own-annotation";

export const deleteAnnotationAction = defineAction({
  name: "deleteAnnotation",
  role: PERMISSIONS.annotate,
  input: z.object({ id: z.string().min(1) }),
  handler: async ({ id }, { db, user }) => {
    await loadOwnAnnotation(db, id, user);
    await db.annotation.delete({ where: { id } });
    return { id };
  },
});
