import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { parseProblemObject, type RecordShape } from "./parse-problem-object";
import { ProblemFileError, RecordFieldError } from "./problem-file-error";
import type { ProblemRecord } from "./problem-record";

export interface NumberedProblem {
  /** 1-based JSONL line number or 1-based Parquet row number. */
  row: number;
  record: ProblemRecord;
}

/**
 * Streams a JSONL file (optionally gzip-compressed) line by line, so a
 * multi-gigabyte CodeContests export never sits in memory at once. Blank
 * lines are skipped but still counted, so line numbers match an editor's.
 */
export async function* readJsonlProblems(
  path: string,
  options: { shape?: RecordShape; gzip?: boolean } = {},
): AsyncGenerator<NumberedProblem> {
  const file = createReadStream(path);
  // pipe() does not forward errors, so both streams are watched.
  const input: Readable = options.gzip ? file.pipe(createGunzip()) : file;
  const streamFailure = new Promise<never>((_, reject) => {
    file.once("error", reject);
    input.once("error", reject);
  });
  streamFailure.catch(() => {});
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    const iterator = lines[Symbol.asyncIterator]();
    while (true) {
      let next: IteratorResult<string>;
      try {
        next = await Promise.race([iterator.next(), streamFailure]);
      } catch (error) {
        // e.g. a truncated .gz: say how far reading got
        throw new ProblemFileError(path, null, null, `cannot read past line ${lineNumber} (${(error as Error).message})`);
      }
      if (next.done) break;
      lineNumber++;
      const text = lineNumber === 1 ? next.value.replace(/^\uFEFF/, "") : next.value;
      if (text.trim() === "") continue;
      yield { row: lineNumber, record: parseLine(path, lineNumber, text, options.shape ?? "auto") };
    }
  } finally {
    lines.close();
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
  try {
    return parseProblemObject(value, shape);
  } catch (error) {
    if (error instanceof RecordFieldError) throw new ProblemFileError(path, { line }, error.field, error.detail);
    throw error;
  }
}
