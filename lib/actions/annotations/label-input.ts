import { z } from "zod";

export const labelFields = {
  name: z.string().trim().min(1, "give it a name").max(64),
  description: z.string().trim().max(500).optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "a colour like #dc2626")
    .default("#6b7280"),
};
