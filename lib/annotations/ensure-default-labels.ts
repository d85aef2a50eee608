import type { Db } from "../db/client";
import { DEFAULT_LABELS } from "./default-labels";

/**
 * Seed the default labels into an empty label set. Idempotent and safe to run concurrently (unique
 * names + skipDuplicates). Only an empty set is seeded, so a default an admin deleted stays deleted.
 */
export async function ensureDefaultLabels(db: Db): Promise<{ created: number }> {
  if ((await db.annotationLabel.count()) > 0) return { created: 0 };
  const result = await db.annotationLabel.createMany({
    data: DEFAULT_LABELS.map((label) => ({ ...label })),
    skipDuplicates: true,
  });
  return { created: result.count };
}
