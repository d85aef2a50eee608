import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { boundedCompressors, DecompressionBudgetError } from "./bounded-compressors";
import { scanText } from "./check-text";
import { DEFAULT_IMPORT_LIMITS, formatBytes, IMPORT_LIMIT_ENV, type ImportLimits } from "./import-limits";
import { normalizeParquetValue } from "./normalize-parquet-value";
import { parseProblemObject, type RecordShape } from "./parse-problem-object";
import { ProblemFileError, RecordFieldError } from "./problem-file-error";
import type { ProblemRecord } from "./problem-record";
import type { NumberedProblem } from "./read-jsonl-problems";

/**
 * Reads a Parquet file (e.g. Hugging Face's code_contests shards) one row
 * group at a time: memory is one row group (at most maxRowGroupBytes
 * uncompressed, checked in the footer before reading and again page by page
 * while decompressing), never the whole file. hyparquet returns
 * CodeContests' struct-of-lists columns as plain objects and arrays; int64
 * columns come back as BigInt and are converted. Compressions beyond Snappy
 * (zstd, gzip, brotli, lz4) are handled by hyparquet-compressors.
 */
export async function* readParquetProblems(
  path: string,
  /** parse: a row's decoded object to a record (default: CodeContests or our records, by `shape`) */
  options: { shape?: RecordShape; limits?: ImportLimits; parse?: (value: unknown) => ProblemRecord } = {},
): AsyncGenerator<NumberedProblem> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  let file;
  let metadata;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new ProblemFileError(path, null, null, `not a readable Parquet file (${(error as Error).message})`);
  }
  const rowGroupCap = Math.min(limits.maxRowGroupBytes, limits.maxDecompressedBytes);
  let rowStart = 0;
  let decompressed = 0;
  let decodedChars = 0;
  for (const [index, group] of metadata.row_groups.entries()) {
    const rowEnd = rowStart + Number(group.num_rows);
    const where = `row group ${index + 1} (rows ${rowStart + 1}–${rowEnd})`;
    const declared = group.columns.reduce((sum, c) => sum + Number(c.meta_data?.total_uncompressed_size ?? 0), 0);
    if (declared > rowGroupCap) {
      throw new ProblemFileError(
        path,
        null,
        null,
        `${where} is ${formatBytes(declared)} uncompressed, more than the ${formatBytes(rowGroupCap)} one row group may take (${IMPORT_LIMIT_ENV.maxRowGroupBytes} raises the cap)`,
      );
    }
    const budget = boundedCompressors(Math.min(rowGroupCap, limits.maxDecompressedBytes - decompressed));
    let rows;
    try {
      rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd, compressors: budget.compressors });
    } catch (error) {
      if (error instanceof DecompressionBudgetError) {
        throw new ProblemFileError(
          path,
          null,
          null,
          `${where} decompresses to more than ${formatBytes(error.budget)}, more than its footer says or than the file may take in all (${IMPORT_LIMIT_ENV.maxRowGroupBytes}, ${IMPORT_LIMIT_ENV.maxDecompressedBytes})`,
        );
      }
      throw new ProblemFileError(path, null, null, `cannot decode rows ${rowStart + 1}–${rowEnd} (${(error as Error).message})`);
    }
    decompressed += budget.used();
    for (let i = 0; i < rows.length; i++) {
      const row = rowStart + i + 1;
      try {
        const value = normalizeParquetValue(rows[i]);
        const scan = scanText(value);
        if (scan.bad) throw new RecordFieldError(scan.bad.field, scan.bad.detail);
        // dictionary pages let a tiny file repeat one huge string in every row: bound the row as decoded
        if (scan.chars > limits.maxRecordBytes) {
          throw new RecordFieldError(
            null,
            `holds ${formatBytes(scan.chars)} of text, more than the ${formatBytes(limits.maxRecordBytes)} one record may take (${IMPORT_LIMIT_ENV.maxRecordBytes} raises the cap)`,
          );
        }
        decodedChars += scan.chars;
        if (decodedChars > limits.maxDecompressedBytes) {
          throw new RecordFieldError(
            null,
            `the file holds more than ${formatBytes(limits.maxDecompressedBytes)} of text up to here (${IMPORT_LIMIT_ENV.maxDecompressedBytes} raises the cap)`,
          );
        }
        yield { row, record: options.parse ? options.parse(value) : parseProblemObject(value, options.shape ?? "auto") };
      } catch (error) {
        if (error instanceof RecordFieldError) throw new ProblemFileError(path, { row }, error.field, error.detail);
        throw error;
      }
    }
    rows = null; // the next row group's rows replace these, not add to them
    rowStart = rowEnd;
  }
}
