import { describe, expect, it } from "vitest";
import { makeRandomEpisodes } from "./make-episodes";
import { singleTurnOneAtThree } from "./single-turn-one-at-three";
import type { PublicVerdict } from "../episode/types";
import type { EpisodeOutcome } from "./types";

function rollout(problemId: string, first: { verdict: PublicVerdict; solved?: boolean }): EpisodeOutcome {
  return {
    problemId,
    sampleIndex: 0,
    solved: first.solved ?? false,
    passedPublic: first.verdict === "OK",
    errored: false,
    turns: [{ index: 0, hasCode: first.verdict !== "INVALID_CODE", publicVerdict: first.verdict, solvedIfSubmitted: first.solved }],
  };
}

/** Every ordered triple of distinct first replies; submit the first public-passing one, else the first. */
function bruteForce(firsts: { passedPublic: boolean; solved: boolean }[]): number {
  let hits = 0;
  let total = 0;
  for (let i = 0; i < firsts.length; i++)
    for (let j = 0; j < firsts.length; j++)
      for (let k = 0; k < firsts.length; k++) {
        if (i === j || j === k || i === k) continue;
        const triple = [firsts[i], firsts[j], firsts[k]];
        const chosen = triple.find((f) => f.passedPublic) ?? triple[0];
        total++;
        if (chosen.solved) hits++;
      }
  return hits / total;
}

describe("singleTurnOneAtThree", () => {
  it("matches enumeration over all triples of first replies, per problem averaged", () => {
    const episodes = makeRandomEpisodes({ seed: 17, problems: 6, rollouts: [3, 8], turnLimit: 3 });
    const problems = [...new Set(episodes.map((e) => e.problemId))];
    const expected = problems.map((p) =>
      bruteForce(
        episodes
          .filter((e) => e.problemId === p)
          .map((e) => ({ passedPublic: e.turns[0].publicVerdict === "OK", solved: e.turns[0].solvedIfSubmitted ?? false })),
      ),
    );
    const result = singleTurnOneAtThree(episodes);
    expect(result.problems).toBe(problems.length);
    expect(result.excludedAttempts).toBe(0);
    expect(result.value).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / expected.length, 12);
  });

  it("uses only first replies: a rollout fixed at turn 2 counts as a single-turn failure", () => {
    const fixedLater: EpisodeOutcome = {
      problemId: "p",
      sampleIndex: 0,
      solved: true,
      passedPublic: true,
      errored: false,
      turns: [
        { index: 0, hasCode: true, publicVerdict: "WRONG_ANSWER" },
        { index: 1, hasCode: true, publicVerdict: "OK", solvedIfSubmitted: true },
      ],
    };
    const episodes = [fixedLater, { ...fixedLater, sampleIndex: 1 }, { ...fixedLater, sampleIndex: 2 }];
    expect(singleTurnOneAtThree(episodes).value).toBe(0);
  });

  it("excludes first replies of unknown outcome and skips problems left with fewer than three", () => {
    const episodes = [
      rollout("p", { verdict: "OK", solved: true }),
      rollout("p", { verdict: "OK", solved: false }),
      rollout("p", { verdict: "WRONG_ANSWER" }),
      rollout("q", { verdict: "OK", solved: true }),
      rollout("q", { verdict: "WRONG_ANSWER" }),
      rollout("q", { verdict: "WRONG_ANSWER" }),
    ];
    // when public tests are not judged, a public failure says nothing about the judged verdict
    const unknownFailures = singleTurnOneAtThree(episodes, { publicTestsJudged: false });
    expect(unknownFailures).toMatchObject({ value: null, problems: 0, skippedProblems: 2, excludedAttempts: 3 });
    const judged = singleTurnOneAtThree(episodes);
    // p: any triple holds both passing replies, one of which is chosen at random → 1/2; q: the passing one is chosen → 1
    expect(judged).toMatchObject({ value: 0.75, problems: 2, skippedProblems: 0, excludedAttempts: 0 });
  });
});
