import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";
import { labelFields } from "./label-input";

/** Renaming keeps every annotation that carries the label (they link by id). */
export const updateLabelAction = defineAction({
  name: "updateLabel",
  role: PERMISSIONS.manageLabels,
  input: z.object({ id: z.string().min(1), ...labelFields }),
  handler: async ({ id, ...fields }, { db }) =>
    db.annotationLabel.update({ where: { id }, data: { ...fields, description: fields.description || null }, select: { id: true } }),
});
