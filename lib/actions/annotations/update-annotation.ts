import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";
import { annotationBodyInput } from "./annotation-input";
import { loadOwnAnnotation } from "./own-annotation";
import { checkAnnotationBody } from "./write-annotation";

export const updateAnnotationAction = defineAction({
  name: "updateAnnotation",
  role: PERMISSIONS.annotate,
  input: z.object({ id: z.string().min(1), ...annotationBodyInput }),
  handler: async ({ id, ...body }, { db, user }) => {
    const row = await loadOwnAnnotation(db, id, user);
    await checkAnnotationBody(db, row.episodeId, body);
    return db.annotation.update({
      where: { id },
      data: {
        turnIndex: body.turnIndex ?? null,
        note: body.note || null,
        labels: { set: [...new Set(body.labelIds)].map((labelId) => ({ id: labelId })) },
      },
      select: { id: true },
    });
  },
});
