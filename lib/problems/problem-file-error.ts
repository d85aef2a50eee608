import type { z } from "zod";

/** Where in a problems file something went wrong: a JSONL line or a Parquet row (both 1-based). */
export type FileLocation = { line: number } | { row: number } | null;

/**
 * A problems file that cannot be imported. The message names the file, the
 * line or row and the field, e.g.
 * `data.jsonl line 17, field private_tests.output: expected 12 items to match private_tests.input, got 11`.
 */
export class ProblemFileError extends Error {
  constructor(
    readonly file: string,
    readonly location: FileLocation,
    readonly field: string | null,
    readonly detail: string,
  ) {
    super(`${file}${describeLocation(location)}${field ? `, field ${field}` : ""}: ${detail}`);
    this.name = "ProblemFileError";
  }
}

function describeLocation(location: FileLocation): string {
  if (!location) return "";
  if ("line" in location) return ` line ${location.line}`;
  return ` row ${location.row} (index ${location.row - 1})`;
}

/** A field path the way people write it: private_tests.input[3]. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.map((segment, i) => (typeof segment === "number" ? `[${segment}]` : `${i === 0 ? "" : "."}${String(segment)}`)).join("");
}

/** Field-level failure while validating one record, located by the caller. */
export class RecordFieldError extends Error {
  constructor(
    readonly field: string | null,
    readonly detail: string,
  ) {
    super(field ? `field ${field}: ${detail}` : detail);
    this.name = "RecordFieldError";
  }

  static fromZod(error: z.ZodError): RecordFieldError {
    const [first, ...rest] = error.issues;
    const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"} in this record)` : "";
    const field = first.path.length ? formatFieldPath(first.path) : null;
    // zod says "Invalid input: expected string, received undefined" for an absent field
    const absent = first.code === "invalid_type" && /received undefined$/.test(first.message);
    const detail = absent ? `missing (expected ${first.expected})` : first.message;
    return new RecordFieldError(field, `${detail}${more}`);
  }
}
