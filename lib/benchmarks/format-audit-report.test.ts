import { describe, expect, it } from "vitest";
import { formatAuditReport, formatNeedsChecker } from "./format-audit-report";

describe("the import report lines the CLI prints and the datasets page shows", () => {
  it("names at most ten of the problems kept out of runs, and says nothing when there are none", () => {
    expect(formatNeedsChecker([])).toBeNull();
    expect(formatNeedsChecker(["5"])).toBe("1 problems need a special checker: imported, kept out of runs (5)");
    const twelve = Array.from({ length: 12 }, (_, i) => `p${i}`);
    expect(formatNeedsChecker(twelve)).toBe(
      "12 problems need a special checker: imported, kept out of runs (p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, …)",
    );
  });

  it("says how many references pass, names a failure and warns about the dataset", () => {
    const text = formatAuditReport("he", {
      problems: 3,
      withReference: 2,
      passed: 1,
      publicTests: 6,
      privateTests: 40,
      failures: [{ externalId: "HumanEval/1", tests: "private", verdict: "WRONG_ANSWER", test: "f(1)" }],
      wrongFailed: 4,
      wrongPassed: [],
      wallMs: 1250,
    });
    expect(text.split("\n")).toEqual([
      `judge audit of "he": 1/2 problems' reference solutions pass all tests (6 public + 40 private tests judged, 1.3 s); 1 problems have no reference solution`,
      "  FAIL HumanEval/1 (private tests): WRONG_ANSWER on f(1)",
      "wrong solutions: 4 fail as they should, 0 pass every test",
      "a reference that fails is a grader or data problem: do not trust numbers from this dataset until it is explained",
    ]);
  });
});
