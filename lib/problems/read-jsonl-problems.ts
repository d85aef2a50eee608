import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { scanText } from "./check-text";
import { DEFAULT_IMPORT_LIMITS, formatBytes, IMPORT_LIMIT_ENV, type ImportLimits } from "./import-limits";
import { parseProblemObject, type RecordShape } from "./parse-problem-object";
import { ProblemFileError, RecordFieldError } from "./problem-file-error";
import type { LimitClamp } from "./clamp-limits";
import type { ProblemRecord } from "./problem-record";
import { BoundExceededError, InvalidUtf8Error, readBoundedLines } from "./read-bounded-lines";

export interface NumberedProblem {
  /** 1-based JSONL line number or 1-based Parquet row number. */
  row: number;
  record: ProblemRecord;
  /** limits lowered to the configured maxima (set by readProblemsFile) */
  clamps?: LimitClamp[];
}

/**
 * Streams a JSONL file (optionally gzip-compressed) line by line, so a
 * multi-gigabyte CodeContests export never sits in memory at once. Blank
 * lines are skipped but still counted, so line numbers match an editor's.
 * Bounded (import-limits.ts): the bytes read after decompression, the length
 * of one line, and what each line may hold (no NUL, no lone surrogate).
 */
export async function* readJsonlProblems(
  path: string,
  options: { shape?: RecordShape; gzip?: boolean; limits?: ImportLimits } = {},
): AsyncGenerator<NumberedProblem> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const file = createReadStream(path);
  // pipe() does not forward errors: the gunzip stream is fed by hand and both are destroyed at the end
  const input: Readable = options.gzip ? file.pipe(createGunzip()) : file;
  file.once("error", (err) => input.destroy(err));
  const lines = readBoundedLines(input, {
    maxLineBytes: limits.maxRecordBytes,
    maxTotalBytes: limits.maxDecompressedBytes,
    describeTotal: `more than ${formatBytes(limits.maxDecompressedBytes)} after decompression (${IMPORT_LIMIT_ENV.maxDecompressedBytes} raises the cap)`,
    describeLine: `longer than ${formatBytes(limits.maxRecordBytes)} (${IMPORT_LIMIT_ENV.maxRecordBytes} raises the cap)`,
  });
  let lineNumber = 0;
  try {
    while (true) {
      let next: IteratorResult<[number, string]>;
      try {
        next = await lines.next();
      } catch (error) {
        if (error instanceof BoundExceededError)
          throw new ProblemFileError(path, error.line === null ? null : { line: error.line }, null, error.message);
        if (error instanceof InvalidUtf8Error) throw new ProblemFileError(path, { line: error.line }, null, error.message);
        // e.g. a truncated .gz: say how far reading got
        throw new ProblemFileError(path, null, null, `cannot read past line ${lineNumber} (${(error as Error).message})`);
      }
      if (next.done) break;
      const [number, raw] = next.value;
      lineNumber = number;
      const text = lineNumber === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (text.trim() === "") continue;
      yield { row: lineNumber, record: parseLine(path, lineNumber, text, options.shape ?? "auto") };
    }
  } finally {
    await lines.return(undefined);
    input.destroy();
    file.destroy();
  }
}

function parseLine(path: string, line: number, text: string, shape: RecordShape): ProblemRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProblemFileError(path, { line }, null, `invalid JSON (${(error as Error).message})`);
  }
  // before validation: zod would pass a NUL or a lone surrogate on, and Postgres refuses both
  const { bad } = scanText(value);
  if (bad) throw new ProblemFileError(path, { line }, bad.field, bad.detail);
  try {
    return parseProblemObject(value, shape);
  } catch (error) {
    if (error instanceof RecordFieldError) throw new ProblemFileError(path, { line }, error.field, error.detail);
    throw error;
  }
}
