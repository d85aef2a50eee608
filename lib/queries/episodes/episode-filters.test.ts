import { describe, expect, it } from "vitest";
import { buildEpisodeWhere } from "./build-episode-where";
import { countActiveFilters, episodeFiltersToParams, parseEpisodeFilters } from "./episode-filters";

describe("episode filters in the URL", () => {
  it("round-trips every filter through URL params in a stable order", () => {
    const filters = parseEpisodeFilters(
      new URLSearchParams("label=good&turns=2&outcome=failed&public=no&error=TIME_LIMIT&invalid=yes&problem=p1&difficulty=HARD"),
    );
    expect(filters).toEqual({
      outcome: "failed",
      public: "no",
      turns: 2,
      error: "TIME_LIMIT",
      invalid: "yes",
      problem: "p1",
      difficulty: "HARD",
      label: "good",
    });
    expect(episodeFiltersToParams(filters).toString()).toBe(
      "outcome=failed&public=no&turns=2&error=TIME_LIMIT&invalid=yes&problem=p1&difficulty=HARD&label=good",
    );
    expect(countActiveFilters(filters)).toBe(8);
  });
  it("drops values that do not validate and keeps the rest", () => {
    const filters = parseEpisodeFilters({ outcome: "maybe", turns: "0", error: "SEGFAULT", invalid: "yes", after: "abc" });
    expect(filters).toEqual({ invalid: "yes" });
  });
  it("reads the first value of repeated params from Next's searchParams object", () => {
    expect(parseEpisodeFilters({ outcome: ["solved", "failed"] })).toEqual({ outcome: "solved" });
  });
});

describe("buildEpisodeWhere", () => {
  it("maps each filter onto its column", () => {
    expect(buildEpisodeWhere({ runId: "r" }, { outcome: "failed", public: "yes", turns: 3, error: "WRONG_ANSWER", invalid: "no" })).toEqual(
      {
        runId: "r",
        solved: false,
        passedPublic: true,
        turnsUsed: 3,
        firstErrorKind: "WRONG_ANSWER",
        invalidCode: false,
      },
    );
    expect(buildEpisodeWhere({ runId: "r" }, { outcome: "solved" })).toEqual({ runId: "r", solved: true });
    expect(buildEpisodeWhere({ runId: "r" }, { outcome: "errored" })).toEqual({ runId: "r", status: "ERRORED" });
  });
  it("filters problem attributes and labels through relations", () => {
    expect(buildEpisodeWhere({ runId: "r" }, { difficulty: "EASY", label: "flaky" })).toEqual({
      runId: "r",
      problem: { difficulty: "EASY" },
      annotations: { some: { labels: { some: { name: "flaky" } } } },
    });
  });
  it("scopes to one problem across runs, the scope winning over a problem filter", () => {
    expect(buildEpisodeWhere({ problemId: "p1" }, { problem: "p2" })).toEqual({ problemId: "p1" });
    expect(buildEpisodeWhere({ runId: "r" }, { problem: "p2" })).toEqual({ runId: "r", problemId: "p2" });
  });
});
