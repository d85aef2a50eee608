import type { Db } from "../../db/client";

/** A dataset's id by its (unique) name, or null. */
export async function findDatasetId(db: Db, name: string): Promise<string | null> {
  const dataset = await db.dataset.findUnique({ where: { name }, select: { id: true } });
  return dataset?.id ?? null;
}
