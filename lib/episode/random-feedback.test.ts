import { describe, expect, it } from "vitest";
import type { JudgeLimits, JudgeOutcome } from "./environment";
import { chooseRandomFeedback, NOT_IMPLEMENTED_CODE, type FeedbackDonor } from "./random-feedback";
import type { TestCase } from "../problems/problem-record";
import { testResultSchema } from "../sandbox/test-result-schema";

const tests = (name: string): TestCase[] => [{ input: `${name}-in`, output: `${name}-out` }];
const donor = (problem: string, code: string, limits: Partial<FeedbackDonor> = {}): FeedbackDonor => ({
  problem,
  solution: 1,
  code,
  tests: tests(problem),
  timeLimitMs: null,
  memoryLimitBytes: null,
  ...limits,
});

function judge(verdicts: Record<string, string>) {
  const calls: { code: string; tests: TestCase[]; limits: JudgeLimits }[] = [];
  const run = async (code: string, t: TestCase[], limits: JudgeLimits): Promise<JudgeOutcome> => {
    calls.push({ code, tests: t, limits });
    const verdict = (verdicts[code] ?? "RUNTIME_ERROR") as JudgeOutcome["verdict"];
    return { verdict, passed: verdict === "OK" ? 1 : 0, total: 1, tests: [testResultSchema.parse({ index: 0, verdict })] };
  };
  return { run, calls };
}

const base = {
  ownProblem: "me",
  ownTests: tests("me"),
  ownLimits: { timeLimitMs: 2000, memoryLimitBytes: 2 ** 28 },
  defaultLimits: { timeLimitMs: 10_000, memoryLimitBytes: 2 ** 30 },
};

describe("chooseRandomFeedback (App. C.2)", () => {
  it("runs the donor's incorrect solution on the donor's public tests with the donor's limits", async () => {
    const j = judge({ "wrong-a": "WRONG_ANSWER" });
    const out = await chooseRandomFeedback({
      ...base,
      donors: [donor("A", "wrong-a", { timeLimitMs: 1000, memoryLimitBytes: 2 ** 27 })],
      judge: j.run,
    });
    expect(j.calls).toEqual([{ code: "wrong-a", tests: tests("A"), limits: { timeLimitMs: 1000, memoryLimitBytes: 2 ** 27 } }]);
    expect(out.tests).toEqual(tests("A"));
    expect(out.source).toEqual({ kind: "donor", problem: "A", solution: 1, tries: 1 });
  });

  it("falls back to the run's default limits, not the episode problem's, when a donor sets none", async () => {
    const j = judge({ w: "TIME_LIMIT" });
    await chooseRandomFeedback({ ...base, donors: [donor("A", "w")], judge: j.run });
    expect(j.calls[0].limits).toEqual(base.defaultLimits);
  });

  it("tries further donors while a donor solution passes its tests, skipping the problem itself and sandbox failures", async () => {
    const j = judge({ passes: "OK", broken: "SANDBOX_ERROR", fails: "MEMORY_LIMIT" });
    const out = await chooseRandomFeedback({
      ...base,
      donors: [donor("me", "fails"), donor("A", "passes"), donor("B", "broken"), donor("C", "fails")],
      judge: j.run,
    });
    expect(j.calls.map((c) => c.code)).toEqual(["passes", "broken", "fails"]);
    expect(out.source).toEqual({ kind: "donor", problem: "C", solution: 1, tries: 3 });
    expect(out.outcome.verdict).toBe("MEMORY_LIMIT");
  });

  it("falls back to raise NotImplementedError() on the first donor's tests when none fails within the tries", async () => {
    const j = judge({ passes: "OK" });
    const out = await chooseRandomFeedback({
      ...base,
      maxTries: 2,
      donors: [donor("A", "passes"), donor("B", "passes"), donor("C", "passes")],
      judge: j.run,
    });
    expect(j.calls.map((c) => c.code)).toEqual(["passes", "passes", NOT_IMPLEMENTED_CODE]);
    expect(j.calls[2].tests).toEqual(tests("A"));
    expect(out.source).toEqual({ kind: "not-implemented", problem: "A", tries: 2 });
    expect(NOT_IMPLEMENTED_CODE).toBe("raise NotImplementedError()");
  });

  it("with no donor at all runs NotImplementedError on the episode's own public tests", async () => {
    const j = judge({});
    const out = await chooseRandomFeedback({ ...base, donors: [], judge: j.run });
    expect(j.calls).toEqual([{ code: NOT_IMPLEMENTED_CODE, tests: tests("me"), limits: base.ownLimits }]);
    expect(out.source).toEqual({ kind: "not-implemented", problem: null, tries: 0 });
  });
});
