import { describe, expect, it } from "vitest";
import { makeRandomEpisodes } from "./make-episodes";
import { nAtK } from "./n-at-k";
import { runSummarySchema } from "./run-summary-schema";
import { summarizeRun } from "./summarize-run";

describe("summarizeRun", () => {
  const episodes = makeRandomEpisodes({ seed: 77, problems: 12, rollouts: 40, turnLimit: 3, erroredRate: 0.05 });
  const summary = summarizeRun(episodes, { turnLimit: 3 });

  it("produces JSON that round-trips through the schema", () => {
    const parsed = runSummarySchema.parse(JSON.parse(JSON.stringify(summary)));
    expect(parsed).toEqual(summary);
  });

  it("is internally consistent", () => {
    const errored = episodes.filter((e) => e.errored).length;
    expect(summary.episodes).toMatchObject({ total: 480, errored, scored: 480 - errored, problems: 12 });
    expect(summary.episodes.invalidCodeReplies).toBe(
      episodes
        .filter((e) => !e.errored)
        .flatMap((e) => e.turns)
        .filter((t) => !t.hasCode).length,
    );
    expect(summary.passAt1.value).toBeCloseTo(summary.oneAtThree.value!, 12);
    expect(summary.solveRateByTurn.at(-1)!.rate).toBeCloseTo(summary.oneAtThree.value!, 12);
    for (const ci of [summary.oneAtThree.intervals.rollout, summary.oneAtThree.intervals.problem]) {
      expect(ci.lower!).toBeLessThanOrEqual(summary.oneAtThree.value!);
      expect(ci.upper!).toBeGreaterThanOrEqual(summary.oneAtThree.value!);
    }
    expect(summary.passAtK.map((p) => p.k)).toEqual([1, 5, 10]);
    expect(summary.errorKinds[0].attempts).toBe(480 - errored);
    const tenAtHundred = summary.nAtK.find((x) => x.n === 10 && x.k === 100)!;
    expect(tenAtHundred.drawn).toBe(33);
    expect(tenAtHundred.value).toBe(nAtK(episodes, { n: 10, k: 100, turnLimit: 3 }).value);
    expect(tenAtHundred.value!).toBeGreaterThanOrEqual(summary.oneAtThree.value!);
  });

  it("leaves out pass@k and n@k that the rollouts cannot support", () => {
    const few = makeRandomEpisodes({ seed: 1, problems: 3, rollouts: 4, turnLimit: 3 });
    const small = summarizeRun(few, { turnLimit: 3 });
    expect(small.passAtK.map((p) => p.k)).toEqual([1]);
    expect(small.nAtK).toEqual([]);
    expect(small.singleTurnOneAtThree.problems).toBe(3);
  });
});
