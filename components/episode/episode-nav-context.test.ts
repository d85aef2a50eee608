import { describe, expect, it } from "vitest";
import { readEpisodeNavContext, readExplicitNavContext } from "./episode-nav-context";

const episode = { runId: "run-a", problemId: "prob-1" };

describe("readEpisodeNavContext", () => {
  it("keeps a run table's filters for the next episode and the way back", () => {
    const ctx = readEpisodeNavContext({ run: "run-b", outcome: "failed", error: "WRONG_ANSWER", turn: "2" }, episode);
    expect(ctx.scope).toEqual({ runId: "run-b" });
    expect(ctx.filters).toEqual({ outcome: "failed", error: "WRONG_ANSWER" });
    expect(new URLSearchParams(ctx.query).get("run")).toBe("run-b");
    expect(new URLSearchParams(ctx.query).get("outcome")).toBe("failed");
    expect(ctx.query).not.toContain("turn=");
    expect(ctx.listHref).toBe("/runs/run-b?outcome=failed&error=WRONG_ANSWER");
  });
  it("walks one problem across runs when opened from a problem page", () => {
    const ctx = readEpisodeNavContext({ problem: "prob-9", outcome: "solved" }, episode);
    expect(ctx.scope).toEqual({ problemId: "prob-9" });
    expect(ctx.filters.problem).toBeUndefined();
    expect(ctx.listHref).toBe("/problems/prob-9");
    expect(new URLSearchParams(ctx.query).get("problem")).toBe("prob-9");
  });
  it("falls back to the episode's own run without filters", () => {
    const ctx = readEpisodeNavContext({}, episode);
    expect(ctx.scope).toEqual({ runId: "run-a" });
    expect(ctx.listHref).toBe("/runs/run-a");
  });

  it("reads the context from the URL alone when it names the list, so neighbours can load in parallel", () => {
    expect(readExplicitNavContext({})).toBeNull();
    expect(readExplicitNavContext({ run: "r1", outcome: "failed" })?.scope).toEqual({ runId: "r1" });
    expect(readExplicitNavContext({ problem: "p1" })?.scope).toEqual({ problemId: "p1" });
  });
});
