import type { HarnessJobOptions } from "../function-tasks/harness-jobs";
import { NEEDS_CHECKER_TAG } from "../problems/problem-record";
import type { NumberedProblem } from "../problems/read-jsonl-problems";
import { auditReferenceSolutions, type JudgeAuditReport } from "./judge-audit";
import { isBenchmarkFormat, type BenchmarkFormat } from "./benchmark-formats";
import { detectBenchmarkFormat, readBenchmarkFile } from "./read-benchmark-file";

export interface BenchmarkImportOptions {
  /** "auto" (default) tells benchmark files apart by their keys; or a benchmark format, or a CodeContests one */
  format?: string;
  /** run the judge audit after a (non-empty) import; default true */
  audit?: boolean;
  /** judge every k-th private test in the audit (default 1: all) */
  auditPrivateStride?: number;
  sandbox?: HarnessJobOptions;
  onAuditProgress?: (done: number, total: number) => void;
}

export interface BenchmarkImportReport {
  format: BenchmarkFormat;
  /** problems kept out of runs because they need a checker the project does not have (counted, named) */
  needsChecker: string[];
  audit: JudgeAuditReport | null;
}

/**
 * The hook importProblemsFile calls first: null when the file is not a benchmark format (it is read as
 * CodeContests / our records then); else its problems, and a report to make once they are written.
 */
export async function readBenchmarkProblems(
  file: string,
  options: BenchmarkImportOptions,
): Promise<{
  problems: NumberedProblem[];
  source: string;
  report: (alreadyImported: boolean) => Promise<BenchmarkImportReport>;
} | null> {
  const requested = options.format ?? "auto";
  const format = isBenchmarkFormat(requested) ? requested : requested === "auto" ? await detectBenchmarkFormat(file) : null;
  if (!format) return null;
  const problems = await readBenchmarkFile(file, format, options.sandbox);
  const records = problems.map((p) => p.record);
  const needsChecker = records.filter((r) => r.tags.includes(NEEDS_CHECKER_TAG)).map((r) => r.externalId);
  return {
    problems,
    source: records[0]?.source ?? format,
    report: async (alreadyImported) => ({
      format,
      needsChecker,
      audit:
        alreadyImported || options.audit === false
          ? null
          : await auditReferenceSolutions(
              records.filter((r) => !r.tags.includes(NEEDS_CHECKER_TAG)),
              {
                ...options.sandbox,
                privateStride: options.auditPrivateStride,
                onProgress: options.onAuditProgress,
              },
            ),
    }),
  };
}
