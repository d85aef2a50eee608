import { describe, expect, it } from "vitest";
import { bootstrapInterval, bootstrapProblemMean } from "./bootstrap";
import { makeRandomEpisodes } from "./make-episodes";
import { oneAtThree, solveRatesByProblem } from "./one-at-three";

const metric = (sample: Parameters<typeof oneAtThree>[0]) => oneAtThree(sample).value;

describe("bootstrapInterval", () => {
  const episodes = makeRandomEpisodes({ seed: 31, problems: 200, rollouts: 10, turnLimit: 3 });

  it("is reproducible for a seed and changes with the seed", () => {
    const a = bootstrapInterval(episodes, metric, { seed: 5 });
    const b = bootstrapInterval(episodes, metric, { seed: 5 });
    const c = bootstrapInterval(episodes, metric, { seed: 6 });
    expect(a).toEqual(b);
    expect(c.lower).not.toBe(a.lower);
    expect(a.resamplesUsed).toBe(200);
  });

  it("brackets the estimate with a width close to the analytic standard error", () => {
    const interval = bootstrapInterval(episodes, metric, { seed: 1 });
    const estimate = interval.estimate!;
    expect(interval.lower!).toBeLessThan(estimate);
    expect(interval.upper!).toBeGreaterThan(estimate);
    const problems = [...new Set(episodes.map((e) => e.problemId))];
    const fractions = problems.map((p) => {
      const rollouts = episodes.filter((e) => e.problemId === p);
      return rollouts.filter((e) => e.solved).length / rollouts.length;
    });
    const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
    const sd = Math.sqrt(fractions.reduce((s, f) => s + (f - mean) ** 2, 0) / (fractions.length - 1));
    const analyticHalfWidth = (1.96 * sd) / Math.sqrt(fractions.length);
    const halfWidth = (interval.upper! - interval.lower!) / 2;
    expect(halfWidth / analyticHalfWidth).toBeGreaterThan(0.75);
    expect(halfWidth / analyticHalfWidth).toBeLessThan(1.25);
  });

  it("resamples problems, keeping a problem drawn twice as two problems", () => {
    const small = makeRandomEpisodes({ seed: 2, problems: 5, rollouts: 3, turnLimit: 3 });
    const problemCounts: number[] = [];
    bootstrapInterval(
      small,
      (sample) => {
        problemCounts.push(new Set(sample.map((e) => e.problemId)).size);
        return sample.length;
      },
      { resamples: 50 },
    );
    // the first call is the full-data estimate; every resample has exactly 5 problems of 3 rollouts
    expect(problemCounts.slice(1).every((count) => count === 5)).toBe(true);
  });

  it("gives the generic and the per-problem-mean bootstrap the same interval for the same seed", () => {
    const generic = bootstrapInterval(episodes, metric, { seed: 12 });
    const fast = bootstrapProblemMean(solveRatesByProblem(episodes), { seed: 12 });
    expect(fast.estimate).toBeCloseTo(generic.estimate!, 12);
    expect(fast.lower).toBeCloseTo(generic.lower!, 12);
    expect(fast.upper).toBeCloseTo(generic.upper!, 12);
  });
});
