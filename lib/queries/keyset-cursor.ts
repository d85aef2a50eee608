/**
 * Opaque keyset cursors: the sort key and id of the row a page ends at,
 * base64url-encoded JSON so they travel in URLs unchanged. A cursor that does
 * not decode is treated as "no cursor" (first page) rather than an error,
 * because it usually comes from a hand-edited or stale link.
 */
export type CursorKey = [string | number | null, string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): CursorKey | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[1] === "string" &&
      (value[0] === null || typeof value[0] === "string" || typeof value[0] === "number")
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through: an unreadable cursor means "start from the beginning"
  }
  return null;
}

/** Page of rows plus the cursors to move either way (null at the ends). */
export interface KeysetPage<Row> {
  rows: Row[];
  nextCursor: string | null;
  prevCursor: string | null;
}

/**
 * Turn a fetch of `limit + 1` rows into a page. `direction` says which way the
 * query walked: "before" queries read in reverse order and are flipped back.
 */
export function toKeysetPage<Row>(
  fetched: Row[],
  opts: { limit: number; direction: "after" | "before"; hadCursor: boolean; keyOf: (row: Row) => CursorKey },
): KeysetPage<Row> {
  const hasMore = fetched.length > opts.limit;
  const rows = fetched.slice(0, opts.limit);
  if (opts.direction === "before") rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const moreAfter = opts.direction === "after" ? hasMore : opts.hadCursor;
  const moreBefore = opts.direction === "after" ? opts.hadCursor : hasMore;
  return {
    rows,
    nextCursor: moreAfter && last ? encodeCursor(opts.keyOf(last)) : null,
    prevCursor: moreBefore && first ? encodeCursor(opts.keyOf(first)) : null,
  };
}
