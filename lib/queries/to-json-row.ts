/**
 * A row as it crosses to the browser: Dates become ISO strings. Server pages
 * and route handlers both send this shape, so the client has one type whether
 * its data came in the first render or from polling.
 */
export type JsonRow<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? JsonRow<U>[]
    : T extends object
      ? { [K in keyof T]: JsonRow<T[K]> }
      : T;

export function toJsonRow<T>(value: T): JsonRow<T> {
  if (value instanceof Date) return value.toISOString() as JsonRow<T>;
  if (Array.isArray(value)) return value.map((v) => toJsonRow(v)) as JsonRow<T>;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonRow(v);
    return out as JsonRow<T>;
  }
  return value as JsonRow<T>;
}
