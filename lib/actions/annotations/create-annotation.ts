import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";
import { annotationBodyInput } from "./annotation-input";
import { writeAnnotation } from "./write-annotation";

export const createAnnotationAction = defineAction({
  name: "createAnnotation",
  role: PERMISSIONS.annotate,
  input: z.object({ episodeId: z.string().min(1), ...annotationBodyInput }),
  handler: async ({ episodeId, ...body }, { db, user }) => writeAnnotation(db, episodeId, body, user.id),
});
