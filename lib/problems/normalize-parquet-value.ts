import { RecordFieldError, formatFieldPath } from "./problem-file-error";

/**
 * Parquet int64 columns (ClassLabels, cf_rating, memory_limit_bytes, time
 * limits) arrive from hyparquet as BigInt, which zod's number schemas and
 * JSON both reject. Convert them, refusing values a double cannot hold exactly.
 */
export function normalizeParquetValue(value: unknown, path: PropertyKey[] = []): unknown {
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RecordFieldError(formatFieldPath(path), `integer ${value} is too large to represent exactly`);
    }
    return Number(value);
  }
  // Test lists hold thousands of strings: only descend into what may hold a BigInt.
  if (Array.isArray(value)) return value.map((item, i) => (mayHoldBigInt(item) ? normalizeParquetValue(item, [...path, i]) : item));
  if (value instanceof Date || value instanceof Uint8Array) return value;
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = mayHoldBigInt(item) ? normalizeParquetValue(item, [...path, key]) : item;
    }
    return out;
  }
  return value;
}

function mayHoldBigInt(value: unknown): boolean {
  return typeof value === "bigint" || (typeof value === "object" && value !== null);
}
