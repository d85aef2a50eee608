import { describe, expect, it } from "vitest";
import { errorKindsByTurn, sumCounts } from "./error-kinds";
import { makeRandomEpisodes } from "./make-episodes";
import type { PublicVerdict } from "../episode/types";
import type { EpisodeOutcome } from "./types";

function episodeWith(verdicts: PublicVerdict[], errored = false): EpisodeOutcome {
  return {
    problemId: "p",
    sampleIndex: 0,
    solved: verdicts.at(-1) === "OK",
    passedPublic: verdicts.at(-1) === "OK",
    errored,
    turns: verdicts.map((v, index) => ({ index, hasCode: v !== "INVALID_CODE", publicVerdict: v })),
  };
}

describe("errorKindsByTurn", () => {
  it("counts each failed attempt's kind and whether the next turn passed the public tests", () => {
    const table = errorKindsByTurn(
      [
        episodeWith(["WRONG_ANSWER", "OK"]),
        episodeWith(["WRONG_ANSWER", "TIME_LIMIT", "TIME_LIMIT"]),
        episodeWith(["INVALID_CODE", "RUNTIME_ERROR", "OK"]),
        episodeWith(["OK"]),
        episodeWith(["WRONG_ANSWER", "OK"], true),
      ],
      3,
    );
    expect(table.map((t) => t.attempts)).toEqual([4, 3, 2]);
    expect(table[0].failed).toMatchObject({ WRONG_ANSWER: 2, INVALID_CODE: 1, TIME_LIMIT: 0 });
    expect(table[0].fixedNextTurn).toMatchObject({ WRONG_ANSWER: 1, INVALID_CODE: 0 });
    expect(table[1].failed).toMatchObject({ TIME_LIMIT: 1, RUNTIME_ERROR: 1 });
    expect(table[1].fixedNextTurn).toMatchObject({ TIME_LIMIT: 0, RUNTIME_ERROR: 1 });
    // a failure on the last turn has no next turn to be fixed in
    expect(table[2].failed.TIME_LIMIT).toBe(1);
    expect(sumCounts(table[2].withNextTurn)).toBe(0);
  });

  it("balances on random episodes: every failure before the last turn is followed by one attempt", () => {
    const episodes = makeRandomEpisodes({ seed: 13, problems: 20, rollouts: 5, turnLimit: 4 });
    const table = errorKindsByTurn(episodes, 4);
    for (let t = 0; t < 3; t++) {
      // an episode continues to turn t+2 exactly when its turn t+1 attempt failed
      expect(sumCounts(table[t].withNextTurn)).toBe(table[t + 1].attempts);
      expect(sumCounts(table[t].fixedNextTurn)).toBeLessThanOrEqual(sumCounts(table[t].withNextTurn));
    }
    expect(table[0].attempts).toBe(100);
  });
});
