import { describe, expect, it } from "vitest";
import { countExclusions, exclusionText } from "./exclusions";
import { nAtKComparability } from "./sampling-comparability";
import { makeRandomEpisodes } from "./make-episodes";
import { summarizeRun } from "./summarize-run";
import type { EpisodeOutcome } from "./types";

describe("exclusions", () => {
  it("counts errored episodes by reason and says so in one sentence", () => {
    const e = (exclusion?: EpisodeOutcome["exclusion"]): EpisodeOutcome => ({
      problemId: "p",
      sampleIndex: 0,
      solved: false,
      passedPublic: false,
      errored: exclusion !== undefined,
      exclusion,
      turns: [],
    });
    const counts = countExclusions([e("endpoint_error"), e("endpoint_error"), e("sandbox_error"), e()]);
    expect(counts).toEqual({ endpoint_error: 2, sandbox_error: 1, other: 0 });
    expect(exclusionText(counts)).toBe("3 episodes excluded: 2 endpoint errors, 1 sandbox error");
    expect(exclusionText(countExclusions([e("endpoint_error")]))).toBe("1 episode excluded: 1 endpoint error");
    expect(exclusionText(countExclusions([e()]))).toBeNull();
  });
});

describe("n@k comparability with the paper's 10@100", () => {
  it("holds only at T 1.0, top-p 0.95", () => {
    expect(nAtKComparability({ temperature: 1.0, topP: 0.95, fromModel: true }, 10, 100)).toMatchObject({ comparableWithPaper: true });
    const cold = nAtKComparability({ temperature: 0.2, topP: 0.95, fromModel: true }, 10, 100);
    expect(cold.comparableWithPaper).toBe(false);
    expect(cold.note).toBe("sampled at T 0.2, top-p 0.95: not comparable with the paper's 10@100 (T 1.0, top-p 0.95)");
    expect(nAtKComparability({ temperature: 1.0, topP: 1, fromModel: true }, 10, 100).comparableWithPaper).toBe(false);
    expect(nAtKComparability({ temperature: 1.0, topP: 0.95, fromModel: false }, 10, 100)).toMatchObject({ comparableWithPaper: false });
    expect(nAtKComparability(null, 10, 100)).toMatchObject({ comparableWithPaper: false });
  });
});

describe("summarizeRun: exclusions, model failures and sampling", () => {
  const episodes = makeRandomEpisodes({ seed: 5, problems: 4, rollouts: 40, turnLimit: 3 });
  episodes[0] = { ...episodes[0], errored: true, exclusion: "endpoint_error" };
  episodes[1] = { ...episodes[1], errored: true, exclusion: "sandbox_error" };
  episodes[2] = { ...episodes[2], errored: true, exclusion: "endpoint_error" };
  episodes[3] = { ...episodes[3], solved: false, endReason: "context_length_exceeded" };
  episodes[4] = { ...episodes[4], turns: episodes[4].turns.map((t) => ({ ...t, finishReason: "length" })) };

  it("reports exclusions by reason, model failures as scored, and the temperature of every n@k", () => {
    const s = summarizeRun(episodes, { turnLimit: 3, sampling: { temperature: 0.2, topP: 0.95, fromModel: true } });
    expect(s.episodes).toMatchObject({
      total: 160,
      errored: 3,
      scored: 157,
      excluded: { endpoint_error: 2, sandbox_error: 1, other: 0 },
      excludedText: "3 episodes excluded: 2 endpoint errors, 1 sandbox error",
      modelFailures: { contextLengthExceeded: 1, repliesCutAtMaxTokens: episodes[4].turns.length },
    });
    expect(s.sampling).toEqual({ temperature: 0.2, topP: 0.95, fromModel: true });
    expect(s.nAtK).toHaveLength(1);
    expect(s.nAtK[0]).toMatchObject({ n: 10, k: 100, temperature: 0.2, topP: 0.95, comparableWithPaper: false });
    expect(s.oneAtThree.intervals.rollout).toMatchObject({
      method: "rollout",
      label: "rollout bootstrap (paper, App. B.1)",
      resamples: 200,
    });
    expect(s.oneAtThree.intervals.problem).toMatchObject({ method: "problem", label: "problem bootstrap", resamples: 200 });
    const demo = summarizeRun(episodes, { turnLimit: 3, sampling: { temperature: 1, topP: 0.95, fromModel: false } });
    expect(demo.nAtK[0]).toMatchObject({ temperature: 1, topP: 0.95, comparableWithPaper: false });
    expect(demo.nAtK[0].note).toMatch(/^demo policy/);
    expect(summarizeRun(episodes, { turnLimit: 3 }).nAtK[0]).toMatchObject({ temperature: null, comparableWithPaper: false });
  });
});
