import { describe, expect, it } from "vitest";
import { compareMetrics } from "./compare-metrics";
import type { ProblemPairRow } from "./compare-problem-rows";

const c = (episodes: number, solved: number, errored = 0) => ({ episodes, solved, passedPublic: solved, errored });
const row = (id: string, a: ProblemPairRow["a"], b: ProblemPairRow["b"]): ProblemPairRow => ({
  problemId: id,
  name: id,
  externalId: id,
  difficulty: null,
  a,
  b,
});

describe("compare page: both interval kinds for every metric (issue 10.8)", () => {
  // 150 problems, 200 rollouts each: easy ones, impossible ones, and some in between
  const rows = Array.from({ length: 150 }, (_, i) =>
    row(String(i), c(200, [0, 200, 30, 120, 5][i % 5]), c(200, [0, 200, 60, 150, 5][i % 5])),
  );
  const metrics = compareMetrics(rows);

  it("gives each run and the difference a rollout bootstrap beside the problem bootstrap, same estimate", () => {
    for (const m of metrics) {
      expect(m.rollout.a.estimate).toBeCloseTo(m.a.estimate!, 12);
      expect(m.rollout.b.estimate).toBeCloseTo(m.b.estimate!, 12);
      expect(m.rollout.diff.estimate).toBeCloseTo(m.diff.estimate!, 12);
    }
  });

  it("the rollout bootstrap is far narrower: it holds the problems fixed", () => {
    const solve = metrics.find((m) => m.key === "solveRate")!;
    const width = (i: { lower: number | null; upper: number | null }) => i.upper! - i.lower!;
    expect(width(solve.a) / width(solve.rollout.a)).toBeGreaterThan(5);
    expect(solve.rollout.significant).toBe(true);
    // "solved by any rollout" has no sampling noise when a problem is solved 5 times in 200 or never
    const any = metrics.find((m) => m.key === "solvedAny")!;
    expect(width(any.rollout.a)).toBeLessThan(0.02);
  });
});
