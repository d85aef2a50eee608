import type { Db } from "../db/client";
import { DEFAULT_LABELS } from "./default-labels";

/**
 * Seed the default labels once. Idempotent and safe to run concurrently (unique names +
 * skipDuplicates). Seeding happens only while none of the defaults exists, so a default an admin
 * renamed does not come back under its old name on the next start, while labels some other tool
 * created (with other names) do not prevent the defaults from being seeded.
 */
export async function ensureDefaultLabels(db: Db): Promise<{ created: number }> {
  const names = DEFAULT_LABELS.map((l) => l.name);
  if ((await db.annotationLabel.count({ where: { name: { in: names } } })) > 0) return { created: 0 };
  const result = await db.annotationLabel.createMany({
    data: DEFAULT_LABELS.map((label) => ({ ...label })),
    skipDuplicates: true,
  });
  return { created: result.count };
}
