import { describe, expect, it } from "vitest";
import { bootstrapInterval, bootstrapRolloutGroups, bootstrapRolloutMean } from "./bootstrap";
import { makeRandomEpisodes } from "./make-episodes";
import { createSeededRandom } from "./seeded-random";
import { singleTurnOneAtThree } from "./single-turn-one-at-three";
import { summarizeRun } from "./summarize-run";

// single-turn 1@3 carries the same two named intervals as 1@3 (docs/method.md §7.6)
describe("single-turn 1@3 intervals", () => {
  const episodes = makeRandomEpisodes({ seed: 5, problems: 15, rollouts: [3, 12], turnLimit: 3 });
  const summary = summarizeRun(episodes, { turnLimit: 3 });
  const single = summary.singleTurnOneAtThree;

  it("reports a rollout and a problem bootstrap around the estimate, named and counted like 1@3's", () => {
    expect(single.intervals.rollout).toMatchObject({ method: "rollout", label: "rollout bootstrap (paper, App. B.1)", resamples: 200 });
    expect(single.intervals.problem).toMatchObject({ method: "problem", label: "problem bootstrap", resamples: 200 });
    for (const ci of [single.intervals.rollout, single.intervals.problem]) {
      expect(ci.resamplesUsed).toBe(200);
      expect(ci.lower!).toBeLessThanOrEqual(single.value!);
      expect(ci.upper!).toBeGreaterThanOrEqual(single.value!);
      expect(ci.upper!).toBeGreaterThan(ci.lower!);
    }
  });

  it("problem bootstrap: the same interval as resampling problems and recomputing the metric from the episodes", () => {
    const generic = bootstrapInterval(episodes, (sample) => singleTurnOneAtThree(sample).value, { seed: 1 });
    expect(single.intervals.problem.lower).toBeCloseTo(generic.lower!, 12);
    expect(single.intervals.problem.upper).toBeCloseTo(generic.upper!, 12);
  });

  it("rollout bootstrap: with every first reply passing the public tests it is 1@3's binomial bootstrap of the solved fraction", () => {
    // when all pass the public tests the submitted one of three is uniform, so a problem's value is solved/n
    const random = createSeededRandom(9);
    const cells = Array.from({ length: 60 }, () => {
      const trials = 3 + Math.floor(random() * 30);
      return { trials, successes: Math.floor(random() * (trials + 1)) };
    });
    const counts = cells.map((c) => ({ passSolved: c.successes, passUnsolved: c.trials - c.successes, failSolved: 0, failUnsolved: 0 }));
    const options = { resamples: 4000, seed: 2 };
    const groups = bootstrapRolloutGroups(counts, (g) => g.passSolved / (g.passSolved + g.passUnsolved), options);
    const binomial = bootstrapRolloutMean(cells, options);
    expect(groups.estimate).toBeCloseTo(binomial.estimate!, 12);
    expect(Math.abs(groups.lower! - binomial.lower!)).toBeLessThan(0.004);
    expect(Math.abs(groups.upper! - binomial.upper!)).toBeLessThan(0.004);
  });

  it("rollout bootstrap is degenerate where the first replies are: all solved, none solved", () => {
    const metric = (g: { passSolved: number; failSolved: number }) => (g.passSolved + g.failSolved > 0 ? 1 : 0);
    const all = bootstrapRolloutGroups([{ passSolved: 5, passUnsolved: 0, failSolved: 0, failUnsolved: 0 }], metric);
    expect([all.lower, all.upper]).toEqual([1, 1]);
    const none = bootstrapRolloutGroups([{ passSolved: 0, passUnsolved: 2, failSolved: 0, failUnsolved: 4 }], metric);
    expect([none.lower, none.upper]).toEqual([0, 0]);
  });
});
