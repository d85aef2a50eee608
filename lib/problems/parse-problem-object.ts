import { codeContestsRowSchema, toProblemRecord } from "./codecontests-row";
import { RecordFieldError } from "./problem-file-error";
import { problemRecordSchema, type ProblemRecord } from "./problem-record";

/** "auto" tells the two shapes apart per record, so one file may even mix them. */
export type RecordShape = "auto" | "codecontests" | "record";

/** Validate one decoded record (a JSON line or a Parquet row) into a ProblemRecord; throws RecordFieldError. */
export function parseProblemObject(value: unknown, shape: RecordShape = "auto"): ProblemRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RecordFieldError(
      null,
      `expected a JSON object, got ${Array.isArray(value) ? "an array" : typeof value === "object" ? "null" : typeof value}`,
    );
  }
  const resolved = shape === "auto" ? detectShape(value) : shape;
  if (resolved === "codecontests") {
    const parsed = codeContestsRowSchema.safeParse(value);
    if (!parsed.success) throw RecordFieldError.fromZod(parsed.error);
    return toProblemRecord(parsed.data);
  }
  const parsed = problemRecordSchema.safeParse(value);
  if (!parsed.success) throw RecordFieldError.fromZod(parsed.error);
  return parsed.data;
}

function detectShape(value: object): "codecontests" | "record" {
  if ("public_tests" in value) return "codecontests";
  if ("publicTests" in value || "externalId" in value) return "record";
  throw new RecordFieldError(
    "public_tests",
    "missing: neither a CodeContests row (name, description, public_tests, private_tests) nor a problem record (externalId, name, description, publicTests)",
  );
}
