/**
 * The `where` clause that continues a keyset walk past (value, id) on a
 * (field, id) ordering: rows strictly after the cursor in the walk's direction.
 * Written as `field > v OR (field = v AND id > id)` so Postgres can use the
 * composite (…, field, id) index for both halves.
 */
export function keysetCondition<Value>(field: string, value: Value, id: string, order: "asc" | "desc"): Record<string, unknown> {
  const op = order === "asc" ? "gt" : "lt";
  return { OR: [{ [field]: { [op]: value } }, { [field]: value, id: { [op]: id } }] };
}

export function flipOrder(order: "asc" | "desc"): "asc" | "desc" {
  return order === "asc" ? "desc" : "asc";
}

/** Clamp a requested page size to something a page should ever render. */
export function clampLimit(limit: number | undefined, fallback = 50, max = 200): number {
  if (!limit || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}
