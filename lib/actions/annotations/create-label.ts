import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";
import { labelFields } from "./label-input";

export const createLabelAction = defineAction({
  name: "createLabel",
  role: PERMISSIONS.manageLabels,
  input: z.object(labelFields),
  handler: async (input, { db }) =>
    db.annotationLabel.create({ data: { ...input, description: input.description || null }, select: { id: true } }),
});
