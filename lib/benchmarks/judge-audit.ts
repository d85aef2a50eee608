import { judgeSubmission, type JudgeOptions } from "../sandbox/judge-submission";
import { getSandboxPool } from "../sandbox/pool";
import type { Verdict } from "../sandbox/types";
import { parseFunctionTest } from "../sandbox/function-test";
import type { ProblemRecord, TestCase } from "../problems/problem-record";

/**
 * The judge audit on import (issue 15.5): every problem's reference solutions run through the judge on
 * its in-loop (public/base) tests and its scoring (private/plus) tests; a dataset whose references fail
 * is a grader or data problem to fix before any number from it is trusted. Wrong solutions are run too:
 * one that passes everything means the tests cannot tell it apart (reported, not an error).
 */
export interface AuditFailure {
  externalId: string;
  tests: "public" | "private";
  verdict: Verdict;
  /** the first failing test as feedback shows it */
  test: string;
}

export interface JudgeAuditReport {
  problems: number;
  withReference: number;
  /** problems whose every reference solution passes every public and private test */
  passed: number;
  publicTests: number;
  privateTests: number;
  failures: AuditFailure[];
  /** wrong solutions that failed (as they should) / that passed every test */
  wrongFailed: number;
  wrongPassed: { externalId: string; solution: number }[];
  wallMs: number;
}

export interface JudgeAuditOptions extends JudgeOptions {
  timeLimitMs?: number;
  /** judge every k-th private test only (1 = all, the default); for quick checks */
  privateStride?: number;
  unsafeNoSandbox?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export async function auditReferenceSolutions(records: ProblemRecord[], options: JudgeAuditOptions = {}): Promise<JudgeAuditReport> {
  const started = performance.now();
  const pool = options.pool ?? getSandboxPool();
  const stride = Math.max(1, options.privateStride ?? 1);
  const report: JudgeAuditReport = {
    problems: records.length,
    withReference: 0,
    passed: 0,
    publicTests: 0,
    privateTests: 0,
    failures: [],
    wrongFailed: 0,
    wrongPassed: [],
    wallMs: 0,
  };
  const judge = (code: string, tests: TestCase[], mode: "all" | "stop-on-first-failure") =>
    judgeSubmission(
      { code, language: "python3", tests, mode, timeLimitMs: options.timeLimitMs, unsafeNoSandbox: options.unsafeNoSandbox },
      { pool },
    );
  let done = 0;
  await Promise.all(
    records.map(async (record) => {
      const privateTests = record.privateTests.filter((_, i) => i % stride === 0);
      const references = record.referenceSolutions.filter((s) => s.language.startsWith("python"));
      if (references.length > 0) report.withReference++;
      let ok = references.length > 0;
      for (const solution of references) {
        for (const [kind, tests] of [
          ["public", record.publicTests],
          ["private", privateTests],
        ] as const) {
          if (tests.length === 0) continue;
          const result = await judge(solution.code, tests, "all");
          if (kind === "public") report.publicTests += tests.length;
          else report.privateTests += tests.length;
          const bad = result.tests.find((t) => t.verdict !== "OK");
          if (bad) {
            ok = false;
            report.failures.push({
              externalId: record.externalId,
              tests: kind,
              verdict: bad.verdict,
              test: describeTest(tests[bad.index]),
            });
          }
        }
      }
      if (ok) report.passed++;
      for (const [i, wrong] of record.wrongSolutions.entries()) {
        const all = [...record.publicTests, ...privateTests];
        if (all.length === 0) continue;
        const result = await judge(wrong.code, all, "stop-on-first-failure");
        if (result.verdict === "OK") report.wrongPassed.push({ externalId: record.externalId, solution: i });
        else report.wrongFailed++;
      }
      options.onProgress?.(++done, records.length);
    }),
  );
  report.failures.sort((a, b) => a.externalId.localeCompare(b.externalId));
  report.wallMs = Math.round(performance.now() - started);
  return report;
}

function describeTest(test: TestCase): string {
  const spec = parseFunctionTest(test);
  return spec ? spec.show : test.input.slice(0, 200);
}
