import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { normalizeParquetValue } from "./normalize-parquet-value";
import { parseProblemObject, type RecordShape } from "./parse-problem-object";
import { ProblemFileError, RecordFieldError } from "./problem-file-error";
import type { NumberedProblem } from "./read-jsonl-problems";

/**
 * Reads a Parquet file (e.g. Hugging Face's code_contests shards) one row
 * group at a time. hyparquet returns CodeContests' struct-of-lists columns
 * as plain objects and arrays; int64 columns come back as BigInt and are
 * converted. Compressions beyond Snappy (zstd, gzip, brotli, lz4) are
 * handled by hyparquet-compressors.
 */
export async function* readParquetProblems(
  path: string,
  options: { shape?: RecordShape } = {},
): AsyncGenerator<NumberedProblem> {
  let file;
  let metadata;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new ProblemFileError(path, null, null, `not a readable Parquet file (${(error as Error).message})`);
  }
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows;
    try {
      rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd, compressors });
    } catch (error) {
      const where = `rows ${rowStart + 1}–${rowEnd}`;
      throw new ProblemFileError(path, null, null, `cannot decode ${where} (${(error as Error).message})`);
    }
    for (let i = 0; i < rows.length; i++) {
      const row = rowStart + i + 1;
      try {
        yield { row, record: parseProblemObject(normalizeParquetValue(rows[i]), options.shape ?? "auto") };
      } catch (error) {
        if (error instanceof RecordFieldError) throw new ProblemFileError(path, { row }, error.field, error.detail);
        throw error;
      }
    }
    rowStart = rowEnd;
  }
}
