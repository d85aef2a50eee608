import { clampProblemLimits } from "../problems/clamp-limits";
import { importLimitsFromEnv, type ImportLimits } from "../problems/import-limits";
import { ProblemFileError } from "../problems/problem-file-error";
import type { NumberedProblem } from "../problems/read-jsonl-problems";
import { parseAppsRow, type AppsFlavor } from "./apps-row";
import { readBenchmarkLines } from "./read-benchmark-lines";

/**
 * An APPS or TACO .jsonl[.gz] file as validated records, limits clamped to the import maxima (the import
 * summary counts each clamp). APPS' problem_id must be unique; TACO has no id, and the same statement
 * twice (TACO repeats some) gets `-2`, `-3`… in file order, so the same file gives the same ids.
 */
export async function readAppsFile(
  file: string,
  flavor: AppsFlavor,
  limits: Pick<ImportLimits, "maxTimeLimitMs" | "maxMemoryLimitBytes"> = importLimitsFromEnv(),
): Promise<NumberedProblem[]> {
  const rows = await readBenchmarkLines(file, (line) => clampProblemLimits(parseAppsRow(line, flavor), limits));
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
