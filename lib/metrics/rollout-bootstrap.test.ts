import { describe, expect, it } from "vitest";
import { BinomialSampler } from "./binomial-sampler";
import { bootstrapProblemMean, bootstrapRolloutMean } from "./bootstrap";
import { bootstrapCountColumns } from "./bootstrap-count-columns";
import { createSeededRandom } from "./seeded-random";

describe("BinomialSampler", () => {
  it("draws Binomial(n, k/n) exactly: mean n·p and variance n·p·(1−p) over many draws", () => {
    const sampler = new BinomialSampler();
    const random = createSeededRandom(3);
    for (const [n, k] of [
      [200, 37],
      [20, 1],
      [1000, 900],
      [3, 2],
    ]) {
      const p = k / n;
      const draws = Array.from({ length: 40_000 }, () => sampler.draw(n, k, random));
      const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
      const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
      expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / draws.length));
      expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
      expect(variance / (n * p * (1 - p))).toBeLessThan(1.05);
      expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
    }
  });

  it("is degenerate where the data are: no successes, all successes", () => {
    const sampler = new BinomialSampler();
    const random = createSeededRandom(1);
    expect(sampler.draw(50, 0, random)).toBe(0);
    expect(sampler.draw(50, 50, random)).toBe(50);
  });
});

describe("the two bootstraps of 1@3", () => {
  // CodeContests-sized: 165 problems, 200 rollouts each, solve rates spread over [0, 1]
  const random = createSeededRandom(11);
  const perProblem = Array.from({ length: 165 }, () => {
    const p = random() < 0.5 ? 0 : random();
    let successes = 0;
    for (let i = 0; i < 200; i++) if (random() < p) successes++;
    return { successes, trials: 200 };
  });

  it("rollout bootstrap (App. B.1): half-width ≈ 1.96·sqrt(Σ p(1−p)/n)/P, the sampling noise on these problems", () => {
    const ci = bootstrapRolloutMean(perProblem, { seed: 4 });
    const P = perProblem.length;
    const se = Math.sqrt(perProblem.reduce((s, c) => s + ((c.successes / c.trials) * (1 - c.successes / c.trials)) / c.trials, 0)) / P;
    const half = (ci.upper! - ci.lower!) / 2;
    expect(half / (1.96 * se)).toBeGreaterThan(0.8);
    expect(half / (1.96 * se)).toBeLessThan(1.2);
    expect(ci.estimate).toBeCloseTo(perProblem.reduce((s, c) => s + c.successes / c.trials, 0) / P, 12);
    expect(ci).toEqual(bootstrapRolloutMean(perProblem, { seed: 4 }));
  });

  it("differs from the problem bootstrap by more than 10× in width on such data (issue 10.8)", () => {
    const rollout = bootstrapRolloutMean(perProblem, { seed: 4 });
    const problem = bootstrapProblemMean(
      perProblem.map((c) => c.successes / c.trials),
      { seed: 4 },
    );
    expect(problem.estimate).toBeCloseTo(rollout.estimate!, 12);
    expect((problem.upper! - problem.lower!) / (rollout.upper! - rollout.lower!)).toBeGreaterThan(10);
  });

  it("has zero width when every problem is solved always or never (no sampling noise)", () => {
    const ci = bootstrapRolloutMean(
      [
        { successes: 0, trials: 10 },
        { successes: 10, trials: 10 },
      ],
      { seed: 1 },
    );
    expect([ci.lower, ci.estimate, ci.upper]).toEqual([0.5, 0.5, 0.5]);
  });
});

describe("bootstrapCountColumns", () => {
  it("matches bootstrapRolloutMean for one rate column and resamples a paired difference", () => {
    const successes = [3, 0, 10, 7, 1];
    const trials = [10, 10, 10, 10, 0];
    const [col] = bootstrapCountColumns([{ successes, trials, kind: "rate" }], [], { seed: 9 });
    const reference = bootstrapRolloutMean(
      successes.map((s, i) => ({ successes: s, trials: trials[i] })),
      { seed: 9 },
    );
    expect(col.estimate).toBeCloseTo(reference.estimate!, 12);
    expect(col.problems).toBe(4);
    expect(col.lower).toBeGreaterThanOrEqual(reference.estimate! - 0.2);
    const better = { successes: successes.map((s) => Math.min(10, s + 2)), trials, kind: "rate" as const };
    const out = bootstrapCountColumns([{ successes, trials, kind: "rate" }, better, { successes, trials, kind: "any" }], [[0, 1]], {
      seed: 9,
    });
    expect(out[3].estimate).toBeCloseTo((2 + 2 + 0 + 2) / 10 / 4, 12);
    expect(out[3].lower!).toBeLessThanOrEqual(out[3].estimate!);
    // "any": a problem with successes stays solved under every resample; one without never is
    expect(out[2].estimate).toBeCloseTo(3 / 4, 12);
  });
});
