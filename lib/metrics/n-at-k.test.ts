import { describe, expect, it } from "vitest";
import { makeRandomEpisodes } from "./make-episodes";
import { countSubmissionGroups, nAtK, nAtKFromCounts, type Candidate } from "./n-at-k";
import { passAtKEstimate } from "./pass-at-k";
import { createSeededRandom, randomInt, shuffled } from "./seeded-random";

/** The procedure itself, read off one uniformly random permutation of the candidates. */
function succeedsUnder(order: readonly Candidate[], n: number, m: number): boolean {
  const drawn = order.slice(0, m);
  const ranked = [...drawn.filter((c) => c.passedPublic), ...drawn.filter((c) => !c.passedPublic)];
  return ranked.slice(0, n).some((c) => c.solved);
}

function* permutations<T>(items: T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield items.slice();
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i], ...tail];
  }
}

function bruteForce(candidates: Candidate[], n: number, m: number): number {
  let successes = 0;
  let total = 0;
  for (const order of permutations(candidates)) {
    total++;
    if (succeedsUnder(order, n, m)) successes++;
  }
  return successes / total;
}

function randomCandidates(random: () => number, size: number): Candidate[] {
  return Array.from({ length: size }, () => {
    const passedPublic = random() < 0.5;
    return { passedPublic, solved: random() < (passedPublic ? 0.6 : 0.3) };
  });
}

describe("nAtKFromCounts", () => {
  it("equals exhaustive enumeration over all orderings on small random cases", () => {
    const random = createSeededRandom(42);
    for (let trial = 0; trial < 60; trial++) {
      const size = 1 + randomInt(random, 7);
      const candidates = randomCandidates(random, size);
      const m = 1 + randomInt(random, size);
      const n = 1 + randomInt(random, m + 1);
      const exact = nAtKFromCounts(countSubmissionGroups(candidates), { submissions: n, drawn: m });
      expect(exact).toBeCloseTo(bruteForce(candidates, n, m), 12);
    }
  });

  it("agrees with Monte-Carlo simulation at 10@100 scale (33 of 60 rollouts)", () => {
    const random = createSeededRandom(7);
    const candidates = randomCandidates(random, 60);
    const exact = nAtKFromCounts(countSubmissionGroups(candidates), { submissions: 10, drawn: 33 });
    const trials = 20_000;
    let successes = 0;
    for (let t = 0; t < trials; t++) if (succeedsUnder(shuffled(candidates, random), 10, 33)) successes++;
    const estimate = successes / trials;
    const standardError = Math.sqrt(Math.max(exact * (1 - exact), 1e-4) / trials);
    expect(Math.abs(estimate - exact)).toBeLessThan(4 * standardError);
  });

  it("is the plain solved fraction for 1 submission from 1 rollout", () => {
    const counts = { passSolved: 3, passUnsolved: 2, failSolved: 1, failUnsolved: 4 };
    expect(nAtKFromCounts(counts, { submissions: 1, drawn: 1 })).toBeCloseTo(4 / 10, 12);
  });

  it("reduces to pass@m when every drawn rollout is submitted", () => {
    const counts = { passSolved: 5, passUnsolved: 7, failSolved: 2, failUnsolved: 30 };
    const total = 44;
    for (const m of [1, 3, 10, 33]) {
      expect(nAtKFromCounts(counts, { submissions: m, drawn: m })).toBeCloseTo(passAtKEstimate(total, 7, m), 12);
    }
  });

  it("prefers public-passing candidates: one submission finds the only passing one", () => {
    const counts = { passSolved: 1, passUnsolved: 0, failSolved: 0, failUnsolved: 9 };
    expect(nAtKFromCounts(counts, { submissions: 1, drawn: 10 })).toBe(1);
  });

  it("rejects impossible draws", () => {
    const counts = { passSolved: 1, passUnsolved: 1, failSolved: 0, failUnsolved: 0 };
    expect(() => nAtKFromCounts(counts, { submissions: 1, drawn: 3 })).toThrow(/drawn/);
    expect(() => nAtKFromCounts(counts, { submissions: 0, drawn: 1 })).toThrow(/submissions/);
  });
});

describe("nAtK over episodes", () => {
  it("charges turnLimit samples per rollout and skips problems with too few rollouts", () => {
    const episodes = makeRandomEpisodes({ seed: 3, problems: 12, rollouts: [5, 40], turnLimit: 3 });
    const result = nAtK(episodes, { n: 10, k: 100, turnLimit: 3 });
    expect(result.drawn).toBe(33);
    const perProblem = new Map<string, number>();
    for (const e of episodes) perProblem.set(e.problemId, (perProblem.get(e.problemId) ?? 0) + 1);
    const enough = [...perProblem.values()].filter((count) => count >= 33).length;
    expect(result.problems).toBe(enough);
    expect(result.skippedProblems).toBe(perProblem.size - enough);
  });

  it("averages per-problem values with equal weight", () => {
    const episodes = makeRandomEpisodes({ seed: 5, problems: 4, rollouts: [6, 9], turnLimit: 2 });
    const byProblem = new Map<string, typeof episodes>();
    for (const e of episodes) byProblem.set(e.problemId, [...(byProblem.get(e.problemId) ?? []), e]);
    const expected =
      [...byProblem.values()].map((rollouts) => bruteForceSampled(rollouts, 2, 3)).reduce((a, b) => a + b, 0) / byProblem.size;
    expect(nAtK(episodes, { n: 2, k: 6, turnLimit: 2 }).value).toBeCloseTo(expected, 2);
  });
});

function bruteForceSampled(candidates: Candidate[], n: number, m: number): number {
  const random = createSeededRandom(11);
  const trials = 40_000;
  let successes = 0;
  for (let t = 0; t < trials; t++) if (succeedsUnder(shuffled(candidates, random), n, m)) successes++;
  return successes / trials;
}
