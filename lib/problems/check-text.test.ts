import { describe, expect, it } from "vitest";
import { scanText } from "./check-text";

describe("scanText", () => {
  it("finds the first NUL or lone surrogate with its field path, and counts characters", () => {
    expect(scanText({ a: "ok", b: ["fine", "bad\u0000"] })).toEqual({
      chars: 1 + 2 + 1 + 4 + 4,
      bad: { field: "b[1]", detail: "contains a NUL byte (U+0000) at character 3" },
    });
    expect(scanText({ t: { input: ["x\uDC00"] } }).bad).toEqual({
      field: "t.input[0]",
      detail: "contains a lone surrogate (U+DC00) at character 1, which is not valid Unicode",
    });
    expect(scanText({ emoji: "\uD83D\uDE00" }).bad).toBeNull(); // a proper pair is fine
    expect(scanText("x\u0000").bad?.field).toBe("(value)");
  });
});
