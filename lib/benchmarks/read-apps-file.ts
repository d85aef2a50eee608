import { clampProblemLimits } from "../problems/clamp-limits";
import { importLimitsFromEnv, type ImportLimits } from "../problems/import-limits";
import { ProblemFileError, RecordFieldError } from "../problems/problem-file-error";
import { readParquetProblems } from "../problems/read-parquet-problems";
import type { NumberedProblem } from "../problems/read-jsonl-problems";
import { parseAppsObject, parseAppsRow, type AppsFlavor } from "./apps-row";
import { isParquet, readBenchmarkLines } from "./read-benchmark-lines";

/**
 * An APPS or TACO .jsonl[.gz] or .parquet file as validated records, limits clamped to the import maxima (the import
 * summary counts each clamp). APPS' problem_id must be unique; TACO has no id, and the same statement
 * twice (TACO repeats some) gets `-2`, `-3`… in file order, so the same file gives the same ids.
 */
export async function readAppsFile(
  file: string,
  flavor: AppsFlavor,
  limits: ImportLimits = importLimitsFromEnv(),
): Promise<NumberedProblem[]> {
  const rows: { row: number; value: ReturnType<typeof clampProblemLimits> }[] = [];
  if (await isParquet(file)) {
    // the Hub's Parquet conversion: read with the same bounds as CodeContests' shards (one row group at a time)
    for await (const { row, record } of readParquetProblems(file, { limits, parse: (value) => parseAppsObject(value, flavor) })) {
      try {
        rows.push({ row, value: clampProblemLimits(record, limits) });
      } catch (error) {
        if (error instanceof RecordFieldError) throw new ProblemFileError(file, { row }, error.field, error.detail);
        throw error;
      }
    }
  } else rows.push(...(await readBenchmarkLines(file, (line) => clampProblemLimits(parseAppsRow(line, flavor), limits))));
  const seen = new Map<string, number>();
  return rows.map(({ row, value }) => {
    const { record } = value;
    const base = record.externalId;
    const earlier = seen.get(base);
    if (earlier !== undefined) {
      if (flavor === "apps")
        throw new ProblemFileError(file, { line: row }, "problem_id", `duplicate problem "${base}" (first on line ${earlier})`);
      let n = 2;
      while (seen.has(`${base}-${n}`)) n++;
      record.externalId = `${base}-${n}`;
    }
    seen.set(record.externalId, row);
    return { row, record, clamps: value.clamps };
  });
}
