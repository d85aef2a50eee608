import { describe, expect, it } from "vitest";
import { makeRandomEpisodes } from "./make-episodes";
import { oneAtThree } from "./one-at-three";
import { solveRateByTurn } from "./solve-rate-by-turn";

describe("solveRateByTurn", () => {
  const episodes = makeRandomEpisodes({ seed: 8, problems: 15, rollouts: [2, 9], turnLimit: 3, erroredRate: 0.1 });

  it("recomputes from the rollouts directly, problems weighted equally", () => {
    const rates = solveRateByTurn(episodes, 3);
    const scored = episodes.filter((e) => !e.errored);
    const problems = [...new Set(scored.map((e) => e.problemId))];
    for (const { turn, rate } of rates) {
      const perProblem = problems.map((p) => {
        const rollouts = scored.filter((e) => e.problemId === p);
        return rollouts.filter((e) => e.solved && e.turns.length <= turn).length / rollouts.length;
      });
      expect(rate).toBeCloseTo(perProblem.reduce((a, b) => a + b, 0) / problems.length, 12);
    }
  });

  it("never decreases and ends at 1@3", () => {
    const rates = solveRateByTurn(episodes, 3).map((r) => r.rate!);
    expect(rates).toHaveLength(3);
    expect(rates[0]).toBeLessThanOrEqual(rates[1]);
    expect(rates[1]).toBeLessThanOrEqual(rates[2]);
    expect(rates[0]).toBeLessThan(rates[2]);
    expect(rates[2]).toBeCloseTo(oneAtThree(episodes).value!, 12);
  });
});
