import { describe, expect, it } from "vitest";
import { makeRandomEpisodes } from "./make-episodes";
import { oneAtThree } from "./one-at-three";
import { createSeededRandom, randomInt } from "./seeded-random";
import type { EpisodeOutcome } from "./types";

function episode(problemId: string, solved: boolean, errored = false): EpisodeOutcome {
  return {
    problemId,
    sampleIndex: 0,
    solved,
    passedPublic: solved,
    errored,
    turns: [{ index: 0, hasCode: true, publicVerdict: solved ? "OK" : "WRONG_ANSWER", solvedIfSubmitted: solved }],
  };
}

describe("oneAtThree", () => {
  it("weights problems equally, not rollouts, and ignores errored episodes", () => {
    const episodes = [
      episode("a", true),
      episode("a", false),
      episode("a", false, true),
      episode("b", false),
      episode("b", false),
      episode("b", false),
      episode("b", true),
    ];
    // a: 1/2 (the errored one does not count), b: 1/4
    expect(oneAtThree(episodes)).toEqual({ value: (0.5 + 0.25) / 2, problems: 2, skippedProblems: 0 });
  });

  it("is the expected success of drawing one rollout per problem (Monte-Carlo)", () => {
    const episodes = makeRandomEpisodes({ seed: 4, problems: 8, rollouts: [3, 10], turnLimit: 3, erroredRate: 0.1 });
    const scored = episodes.filter((e) => !e.errored);
    const problems = [...new Set(scored.map((e) => e.problemId))];
    const random = createSeededRandom(99);
    const trials = 20_000;
    let total = 0;
    for (let t = 0; t < trials; t++) {
      const problem = problems[randomInt(random, problems.length)];
      const rollouts = scored.filter((e) => e.problemId === problem);
      if (rollouts[randomInt(random, rollouts.length)].solved) total++;
    }
    const exact = oneAtThree(episodes).value!;
    expect(Math.abs(total / trials - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / trials) + 1e-9);
  });

  it("is null without any scored episode", () => {
    expect(oneAtThree([episode("a", true, true)]).value).toBeNull();
  });
});
