import { describe, expect, it } from "vitest";
import { countFlips, flipKind } from "./compare-flips";
import { compareMetrics } from "./compare-metrics";
import type { ProblemPairRow } from "./compare-problem-rows";
import { buildCompareTable, compareTableParamsSchema, COMPARE_PAGE_SIZE, scatterPoints } from "./compare-table";

const c = (episodes: number, solved: number, errored = 0, passedPublic = solved) => ({ episodes, solved, passedPublic, errored });
const row = (id: string, a: ProblemPairRow["a"], b: ProblemPairRow["b"]): ProblemPairRow => ({
  problemId: id,
  name: `P ${id}`,
  externalId: id,
  difficulty: null,
  a,
  b,
});

describe("compare metrics", () => {
  it("computes each run's mean over problems, excluding errored rollouts, and the paired difference", () => {
    const rows = [row("1", c(4, 2), c(4, 4)), row("2", c(4, 0, 2), c(4, 1)), row("3", c(4, 4), null)];
    const solve = compareMetrics(rows).find((m) => m.key === "solveRate")!;
    expect(solve.a.estimate).toBeCloseTo((0.5 + 0 + 1) / 3);
    expect(solve.b.estimate).toBeCloseTo((1 + 0.25) / 2);
    // paired over problems 1 and 2 only: (1 - .5) and (.25 - 0)
    expect(solve.diff.estimate).toBeCloseTo((0.5 + 0.25) / 2);
    expect(solve.diff.problems).toBe(2);
    const errored = compareMetrics(rows).find((m) => m.key === "errored")!;
    expect(errored.a.estimate).toBeCloseTo((0 + 0.5 + 0) / 3);
  });

  it("calls a consistent improvement significant and a coin flip not", () => {
    const better = Array.from({ length: 200 }, (_, i) => row(String(i), c(8, 2), c(8, 6)));
    expect(compareMetrics(better).find((m) => m.key === "solveRate")!.significant).toBe(true);
    const noise = Array.from({ length: 200 }, (_, i) => row(String(i), c(8, i % 2 ? 3 : 5), c(8, i % 2 ? 5 : 3)));
    const m = compareMetrics(noise).find((x) => x.key === "solveRate")!;
    expect(m.diff.estimate).toBeCloseTo(0);
    expect(m.significant).toBe(false);
    expect(m.diff.lower!).toBeLessThan(0);
    expect(m.diff.upper!).toBeGreaterThan(0);
  });
});

describe("flips and the problem table", () => {
  const rows = [
    row("a-only", c(4, 1), c(4, 0)),
    row("b-only", c(4, 0), c(4, 3)),
    row("both", c(4, 4), c(4, 1)),
    row("neither", c(4, 0), c(4, 0)),
    row("missing", c(4, 1), null),
    row("all-errored", c(4, 0, 4), c(4, 2)),
  ];

  it("classifies problems by whether any scored rollout solved them", () => {
    expect(rows.map(flipKind)).toEqual(["aOnly", "bOnly", "both", "neither", "missing", "missing"]);
    expect(countFlips(rows)).toEqual({ aOnly: 1, bOnly: 1, both: 1, neither: 1, missing: 2 });
  });

  it("filters to flips, sorts by the size of the change, and pages", () => {
    const flips = buildCompareTable(rows, compareTableParamsSchema.parse({ show: "flips" }));
    expect(flips.rows.map((r) => r.problemId)).toEqual(["b-only", "a-only"]);
    expect(buildCompareTable(rows, compareTableParamsSchema.parse({ show: "bOnly" })).rows.map((r) => r.problemId)).toEqual(["b-only"]);
    const labelled = buildCompareTable(rows, compareTableParamsSchema.parse({}), new Set(["both"]));
    expect(labelled.rows.map((r) => r.problemId)).toEqual(["both"]);
    const many = Array.from({ length: 120 }, (_, i) => row(String(i).padStart(3, "0"), c(2, i % 3), c(2, 1)));
    const page3 = buildCompareTable(many, compareTableParamsSchema.parse({ page: "3", sort: "name" }));
    expect(page3).toMatchObject({ total: 120, page: 3, pages: 3 });
    expect(page3.rows).toHaveLength(120 - 2 * COMPARE_PAGE_SIZE);
    expect(compareTableParamsSchema.parse({ show: "bogus", page: "-4" })).toMatchObject({ show: "all", page: 1 });
  });

  it("gives the scatter one point per problem both runs scored", () => {
    expect(scatterPoints(rows).map((p) => p.id)).toEqual(["a-only", "b-only", "both", "neither"]);
  });
});

describe("bootstrapColumns", () => {
  it("matches the project's per-metric bootstrap when a column has no gaps", async () => {
    const { bootstrapProblemMean } = await import("../../metrics/bootstrap");
    const { bootstrapColumns } = await import("./compare-bootstrap");
    const values = Array.from({ length: 300 }, (_, i) => ((i * 37) % 100) / 100);
    const reference = bootstrapProblemMean(values, { seed: 7 });
    const [joint] = bootstrapColumns([Float64Array.from(values)], { seed: 7 });
    expect(joint.estimate).toBeCloseTo(reference.estimate!, 12);
    expect(joint.lower).toBeCloseTo(reference.lower!, 12);
    expect(joint.upper).toBeCloseTo(reference.upper!, 12);
  });
});
