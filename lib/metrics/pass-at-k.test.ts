import { describe, expect, it } from "vitest";
import { logChoose } from "./combinatorics";
import { makeRandomEpisodes } from "./make-episodes";
import { passAtK, passAtKEstimate } from "./pass-at-k";
import { createSeededRandom, randomInt } from "./seeded-random";

function* subsets(size: number, k: number, start = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= size - k; i++) for (const rest of subsets(size, k - 1, i + 1)) yield [i, ...rest];
}

describe("passAtKEstimate", () => {
  it("equals the fraction of k-subsets containing a correct sample", () => {
    const random = createSeededRandom(9);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + randomInt(random, 10);
      const correct = Array.from({ length: n }, () => random() < 0.3);
      const c = correct.filter(Boolean).length;
      const k = 1 + randomInt(random, n);
      let hits = 0;
      let total = 0;
      for (const subset of subsets(n, k)) {
        total++;
        if (subset.some((i) => correct[i])) hits++;
      }
      expect(passAtKEstimate(n, c, k)).toBeCloseTo(hits / total, 12);
    }
  });

  it("stays accurate where the binomials overflow a double", () => {
    const n = 5000;
    const c = 3;
    const k = 400;
    const viaLogs = 1 - Math.exp(logChoose(n - c, k) - logChoose(n, k));
    expect(Number.isFinite(Math.exp(logChoose(n, k)))).toBe(false);
    expect(passAtKEstimate(n, c, k)).toBeCloseTo(viaLogs, 10);
  });

  it("is 1 when every k-subset must hold a correct sample, c/n for k = 1", () => {
    expect(passAtKEstimate(10, 8, 3)).toBe(1);
    expect(passAtKEstimate(10, 3, 1)).toBeCloseTo(0.3, 12);
    expect(() => passAtKEstimate(3, 1, 4)).toThrow(/k/);
  });
});

describe("passAtK over episodes", () => {
  it("weights problems equally and skips problems with fewer than k rollouts", () => {
    const episodes = makeRandomEpisodes({ seed: 21, problems: 10, rollouts: [2, 12], turnLimit: 3, erroredRate: 0.1 });
    const result = passAtK(episodes, 5);
    const byProblem = new Map<string, boolean[]>();
    for (const e of episodes) if (!e.errored) byProblem.set(e.problemId, [...(byProblem.get(e.problemId) ?? []), e.solved]);
    const eligible = [...byProblem.values()].filter((s) => s.length >= 5);
    const expected = eligible.map((s) => passAtKEstimate(s.length, s.filter(Boolean).length, 5));
    expect(result.problems).toBe(eligible.length);
    expect(result.skippedProblems).toBe(byProblem.size - eligible.length);
    expect(result.value).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / expected.length, 12);
  });
});
