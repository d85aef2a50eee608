import { describe, expect, it } from "vitest";
import { locateJudgedTest } from "./episodes/get-test-excerpts";
import { joinStream, parseFinalResults, parseTestResults } from "./test-result-schema";

describe("stored test results", () => {
  it("reads the sandbox's result shape and fills optional stream fields", () => {
    const [r] = parseTestResults([
      { index: 2, verdict: "WRONG_ANSWER", timeMs: 12, peakMemoryBytes: 1024, exitCode: 0, stdoutHead: "5\n", extra: "kept" },
    ]);
    expect(r).toMatchObject({
      index: 2,
      verdict: "WRONG_ANSWER",
      stdoutHead: "5\n",
      stdoutTail: "",
      stderrHead: "",
      stdoutTruncated: false,
      extra: "kept",
    });
  });
  it("turns an unreadable entry into a visible row instead of failing the page", () => {
    const rows = parseTestResults([{ verdict: 3 }, "x"]);
    expect(rows.map((r) => [r.index, r.verdict])).toEqual([
      [0, "UNREADABLE"],
      [1, "UNREADABLE"],
    ]);
    expect(parseTestResults(null)).toEqual([]);
  });
  it("parses a final judgement and rejects malformed ones", () => {
    const final = parseFinalResults({ solved: false, verdict: "TIME_LIMIT", results: [{ index: 0, verdict: "OK" }], passed: 1, total: 9 });
    expect(final?.results[0].verdict).toBe("OK");
    expect(final?.total).toBe(9);
    expect(parseFinalResults({ verdict: "OK" })).toBeNull();
    expect(parseFinalResults(null)).toBeNull();
  });
  it("joins head and tail with a visible gap", () => {
    expect(joinStream("a", "", false)).toBe("a");
    expect(joinStream("a", "", true)).toContain("truncated");
    expect(joinStream("a", "z", true)).toMatch(/^a\n… \[output truncated\] …\nz$/);
  });
  it("maps a judged position to public, private or generated", () => {
    const counts = { publicTestCount: 2, privateTestCount: 3 };
    expect(locateJudgedTest(1, counts)).toEqual({ list: "public", index: 1 });
    expect(locateJudgedTest(2, counts)).toEqual({ list: "private", index: 0 });
    expect(locateJudgedTest(6, counts)).toEqual({ list: "generated", index: 1 });
  });
});
