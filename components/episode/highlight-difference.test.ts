import { describe, expect, it } from "vitest";
import { highlightDifference, MAX_DIFF_CHARS } from "./highlight-difference";

const changed = (segments: { text: string; changed: boolean }[]) => segments.filter((s) => s.changed).map((s) => s.text);
const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join("");

describe("highlightDifference", () => {
  it("marks only the differing word on each side and keeps both texts intact", () => {
    const pair = highlightDifference("3 4 5\n", "3 9 5\n");
    expect(changed(pair.expected)).toEqual(["4"]);
    expect(changed(pair.actual)).toEqual(["9"]);
    expect(joined(pair.expected)).toBe("3 4 5\n");
    expect(joined(pair.actual)).toBe("3 9 5\n");
  });
  it("uses characters for a single short token, so a wrong digit shows as one digit", () => {
    const pair = highlightDifference("120\n", "130\n");
    expect(changed(pair.expected)).toEqual(["2"]);
    expect(changed(pair.actual)).toEqual(["3"]);
  });
  it("marks missing output as wholly changed on the expected side", () => {
    const pair = highlightDifference("YES\n", "");
    expect(changed(pair.expected).join("")).toContain("YES");
    expect(pair.actual).toEqual([]);
  });
  it("says when outputs differ only in trailing whitespace", () => {
    expect(highlightDifference("1 2\n", "1 2   \n\n").sameIgnoringTrailingSpace).toBe(true);
    expect(highlightDifference("1 2\n", "1 3\n").sameIgnoringTrailingSpace).toBe(false);
  });
  it("does not diff huge outputs", () => {
    const big = "x ".repeat(MAX_DIFF_CHARS);
    const pair = highlightDifference(big, `${big}y`);
    expect(pair.expected).toEqual([{ text: big, changed: false }]);
  });
});
