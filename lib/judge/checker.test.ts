import { describe, expect, it } from "vitest";
import { checkOutput, outputsMatch, StreamingChecker, tokensMatch } from "./checker";

describe("checker: CodeContests semantics", () => {
  it("ignores whitespace layout, trailing whitespace and blank lines", () => {
    expect(outputsMatch("1 2\n3\n", "1\n2 3")).toBe(true);
    expect(outputsMatch("  1\t2\r\n3   \n\n\n", "1 2 3\n")).toBe(true);
    expect(outputsMatch("1 2 3\n\n", "1 2 3")).toBe(true);
  });

  it("requires equal token counts", () => {
    expect(outputsMatch("1 2", "1 2 3")).toBe(false);
    expect(outputsMatch("1 2 3 4", "1 2 3")).toBe(false);
    expect(checkOutput("1 2", "1 2 3")).toMatchObject({ ok: false, firstDifferenceAt: 2, actualTokens: 2, expectedTokens: 3 });
  });

  it("compares words ignoring ASCII case", () => {
    expect(outputsMatch("YES\nno", "yes\nNO")).toBe(true);
    expect(outputsMatch("Yes", "yess")).toBe(false);
  });

  it("accepts floats within 1e-5 absolute, or relative for large magnitudes", () => {
    expect(outputsMatch("0.333333", "0.3333333333")).toBe(true);
    expect(outputsMatch("0.33332", "0.33334")).toBe(false);
    expect(outputsMatch("1.5", "1.50000")).toBe(true);
    expect(outputsMatch("2", "2.000001")).toBe(true);
    expect(outputsMatch("123456789.5", "123456789.6")).toBe(true);
    expect(outputsMatch("1e-7", "0")).toBe(true);
    expect(outputsMatch("1.0", "1.1")).toBe(false);
  });

  it("compares integers exactly, at any size", () => {
    expect(outputsMatch("1000000000000000001", "1000000000000000000")).toBe(false);
    expect(outputsMatch("007", "7")).toBe(true);
    expect(outputsMatch("-0", "0")).toBe(true);
    expect(outputsMatch("12", "13")).toBe(false);
  });

  it("treats empty output as zero tokens", () => {
    expect(outputsMatch("", "")).toBe(true);
    expect(outputsMatch("\n \n", "")).toBe(true);
    expect(outputsMatch("", "0")).toBe(false);
    expect(outputsMatch("0", "")).toBe(false);
  });

  it("compares bytes, so invalid UTF-8 output is a mismatch, not a crash", () => {
    expect(outputsMatch(Buffer.from([0xff, 0xfe, 0x0a]), "a")).toBe(false);
    expect(outputsMatch(Buffer.from([0xff, 0x0a]), Buffer.from([0xff]))).toBe(true);
  });

  it("gives the same answer whatever the chunking", () => {
    const expected = "12 0.5 hello\nWORLD 99999999999999999999\n";
    for (const actual of [expected, "12   0.500001\nHello world 99999999999999999999", "12 0.5 hello world 9", "12 0.5 hello"]) {
      const whole = outputsMatch(actual, expected);
      const bytes = Buffer.from(actual);
      for (let step = 1; step <= 5; step++) {
        const checker = new StreamingChecker(expected);
        for (let i = 0; i < bytes.length; i += step) checker.push(bytes.subarray(i, i + step));
        expect(checker.finish().ok).toBe(whole);
      }
    }
  });

  it("stops early on a mismatch and never buffers an endless token", () => {
    const checker = new StreamingChecker("abc");
    const junk = Buffer.alloc(1 << 20, 0x61);
    for (let i = 0; i < 64; i++) checker.push(junk); // 64 MiB without whitespace
    expect(checker.finish().ok).toBe(false);
  });

  it("tokensMatch treats non-numbers literally", () => {
    expect(tokensMatch(Buffer.from("nan"), Buffer.from("NaN"))).toBe(true);
    expect(tokensMatch(Buffer.from("1,5"), Buffer.from("1.5"))).toBe(false);
    expect(tokensMatch(Buffer.from("0x10"), Buffer.from("16"))).toBe(false);
  });
});
