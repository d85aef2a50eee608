import { open } from "node:fs/promises";
import { clampProblemLimits } from "./clamp-limits";
import { importLimitsFromEnv, type ImportLimits } from "./import-limits";
import type { RecordShape } from "./parse-problem-object";
import { ProblemFileError, RecordFieldError } from "./problem-file-error";
import { readJsonlProblems, type NumberedProblem } from "./read-jsonl-problems";
import { readParquetProblems } from "./read-parquet-problems";
import type { ProblemsFileFormat } from "./problems-file-formats";

export interface ReadProblemsFileOptions {
  format?: ProblemsFileFormat;
  /** A second record with an externalId already seen fails the file (default), since re-import keys on it. */
  allowDuplicateIds?: boolean;
  /** size caps and limit maxima (import-limits.ts); default: importLimitsFromEnv() */
  limits?: ImportLimits;
}

export type { NumberedProblem };

/**
 * Validated problems from a file, in file order, each with its 1-based line
 * (JSONL) or row (Parquet) number. Throws ProblemFileError, naming file,
 * line/row and field, at the first bad record: a caller that needs all-or-
 * nothing (the database import) should collect everything before writing.
 * Every record comes out bounded: no NUL or lone surrogate in its text, its
 * size within maxRecordBytes, its time and memory limits lowered to the
 * configured maxima (each lowering listed in `clamps`).
 */
export async function* readProblemsFile(path: string, options: ReadProblemsFileOptions = {}): AsyncGenerator<NumberedProblem> {
  const kind = await resolveKind(path, options.format ?? "auto");
  const limits = options.limits ?? importLimitsFromEnv();
  const source = kind.parquet
    ? readParquetProblems(path, { limits })
    : readJsonlProblems(path, { gzip: kind.gzip, shape: shapeFor(options.format ?? "auto"), limits });
  const firstSeen = new Map<string, number>();
  const unit = kind.parquet ? "row" : "line";
  for await (const problem of source) {
    const earlier = firstSeen.get(problem.record.externalId);
    if (earlier !== undefined && !options.allowDuplicateIds) {
      const location = kind.parquet ? { row: problem.row } : { line: problem.row };
      const field = problem.record.externalId === problem.record.name ? "name" : "externalId";
      throw new ProblemFileError(path, location, field, `duplicate problem "${problem.record.externalId}" (first on ${unit} ${earlier})`);
    }
    firstSeen.set(problem.record.externalId, problem.row);
    let bounded;
    try {
      bounded = clampProblemLimits(problem.record, limits);
    } catch (error) {
      if (!(error instanceof RecordFieldError)) throw error;
      throw new ProblemFileError(path, kind.parquet ? { row: problem.row } : { line: problem.row }, error.field, error.detail);
    }
    yield { ...problem, record: bounded.record, clamps: bounded.clamps };
  }
}

/** All problems of a file, validated; nothing is returned unless every record is valid. */
export async function readAllProblems(path: string, options: ReadProblemsFileOptions = {}): Promise<NumberedProblem[]> {
  const problems: NumberedProblem[] = [];
  for await (const problem of readProblemsFile(path, options)) problems.push(problem);
  return problems;
}

function shapeFor(format: ProblemsFileFormat): RecordShape {
  if (format === "codecontests-jsonl") return "codecontests";
  if (format === "jsonl") return "record";
  return "auto";
}

async function resolveKind(path: string, format: ProblemsFileFormat): Promise<{ parquet: boolean; gzip: boolean }> {
  const magic = await readMagic(path);
  const gzip = magic[0] === 0x1f && magic[1] === 0x8b;
  const parquet = magic.toString("latin1") === "PAR1";
  if (format === "parquet" && !parquet) {
    throw new ProblemFileError(path, null, null, "not a Parquet file (it does not start with PAR1)");
  }
  if ((format === "jsonl" || format === "codecontests-jsonl") && parquet) {
    throw new ProblemFileError(path, null, null, `is a Parquet file, but format "${format}" was asked for`);
  }
  return { parquet: format === "parquet" || (format === "auto" && parquet), gzip };
}

async function readMagic(path: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, "r");
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw new ProblemFileError(path, null, null, `cannot read: ${(error as Error).message}`);
  } finally {
    await handle?.close();
  }
}
