import type { JudgeAuditReport } from "./judge-audit";

// What `rlef import` prints after a benchmark import and the datasets page shows: no Node imports, the
// import form renders these too.

export function formatAuditReport(dataset: string, report: JudgeAuditReport): string {
  const lines = [
    `judge audit of "${dataset}": ${report.passed}/${report.withReference} problems' reference solutions pass all tests ` +
      `(${report.publicTests} public + ${report.privateTests} private tests judged, ${(report.wallMs / 1000).toFixed(1)} s)` +
      (report.withReference < report.problems ? `; ${report.problems - report.withReference} problems have no reference solution` : ""),
  ];
  for (const f of report.failures.slice(0, 20)) lines.push(`  FAIL ${f.externalId} (${f.tests} tests): ${f.verdict} on ${f.test}`);
  if (report.failures.length > 20) lines.push(`  … and ${report.failures.length - 20} more failures`);
  if (report.wrongFailed + report.wrongPassed.length > 0) {
    lines.push(`wrong solutions: ${report.wrongFailed} fail as they should, ${report.wrongPassed.length} pass every test`);
  }
  if (report.failures.length > 0)
    lines.push("a reference that fails is a grader or data problem: do not trust numbers from this dataset until it is explained");
  return lines.join("\n");
}

/** The problems a benchmark import kept out of runs (no checker here for them), counted and named; null when none. */
export function formatNeedsChecker(needsChecker: readonly string[]): string | null {
  if (needsChecker.length === 0) return null;
  const named = needsChecker.slice(0, 10).join(", ") + (needsChecker.length > 10 ? ", …" : "");
  return `${needsChecker.length} problems need a special checker: imported, kept out of runs (${named})`;
}
