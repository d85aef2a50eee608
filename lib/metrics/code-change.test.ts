import { describe, expect, it } from "vitest";
import { chrf } from "./chrf";
import { codeChangePairs, codeChangeStats } from "./code-change";
import { histogram } from "./histogram";
import type { AttemptOutcome, EpisodeOutcome } from "./types";

function attempt(index: number, code: string | undefined): AttemptOutcome {
  return { index, hasCode: code !== undefined, publicVerdict: code === undefined ? "INVALID_CODE" : "WRONG_ANSWER", code };
}

const first = "n = int(input())\nprint(n * 2)\n";
const second = "n = int(input())\nprint(n + n)\n";

const episodes: EpisodeOutcome[] = [
  {
    problemId: "a",
    sampleIndex: 0,
    solved: false,
    passedPublic: false,
    errored: false,
    turns: [attempt(0, first), attempt(1, `  ${first}\n`), attempt(2, second)],
  },
  {
    problemId: "a",
    sampleIndex: 1,
    solved: false,
    passedPublic: false,
    errored: false,
    turns: [attempt(0, first), attempt(1, undefined), attempt(2, second)],
  },
  { problemId: "b", sampleIndex: 0, solved: false, passedPublic: false, errored: true, turns: [attempt(0, first), attempt(1, first)] },
];

describe("codeChangePairs", () => {
  it("pairs consecutive attempts with code, skipping invalid replies and errored episodes", () => {
    const { pairs, skippedPairs } = codeChangePairs(episodes);
    expect(skippedPairs).toBe(2);
    expect(pairs.map((p) => [p.toTurn, p.identical])).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(pairs[0].change).toBe(0);
    expect(pairs[1].change).toBeCloseTo(1 - chrf(second, first), 12);
  });
});

describe("codeChangeStats", () => {
  it("summarises per transition with fixed bins", () => {
    const stats = codeChangeStats(episodes, { bins: 4 });
    expect(stats.overall.pairs).toBe(2);
    expect(stats.overall.identicalRate).toBe(0.5);
    expect(stats.byTransition.map((t) => [t.fromTurn, t.toTurn, t.pairs])).toEqual([
      [1, 2, 1],
      [2, 3, 1],
    ]);
    expect(stats.overall.histogram.map((b) => b.count)).toEqual([2, 0, 0, 0]);
    expect(stats.overall.medianChange).toBeCloseTo((1 - chrf(second, first)) / 2, 12);
  });
});

describe("histogram", () => {
  it("puts the upper edge in the last bin and clamps out-of-range values", () => {
    const bins = histogram([0, 0.1, 0.5, 0.99, 1, 1.2, -0.1], { min: 0, max: 1, bins: 2 });
    expect(bins).toEqual([
      { from: 0, to: 0.5, count: 3 },
      { from: 0.5, to: 1, count: 4 },
    ]);
  });
});
