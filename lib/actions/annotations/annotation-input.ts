import { z } from "zod";

export const annotationBodyInput = {
  /** Turn.index (0-based); absent or null: the annotation is about the whole episode */
  turnIndex: z.number().int().min(0).max(99).nullable().optional(),
  labelIds: z.array(z.string().min(1)).max(20).default([]),
  note: z.string().trim().max(10_000).optional(),
};
