import { describe, expect, it } from "vitest";
import { formatAge, formatBytes, formatDuration, formatInterval, formatNumber, formatPercent, formatSigned, formatVerdict } from "./format";

describe("format", () => {
  it("formats rates as percentages and missing values as a dash", () => {
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(Number.NaN)).toBe("—");
  });
  it("adds a bracketed interval only when both bounds exist", () => {
    expect(formatInterval(0.5, 0.4, 0.61)).toBe("50.0% [40.0, 61.0]");
    expect(formatInterval(0.5, null, 0.6)).toBe("50.0%");
  });
  it("prints signed numbers with a real minus sign", () => {
    expect(formatSigned(-0.2)).toBe("−0.2");
    expect(formatSigned(1)).toBe("+1");
    expect(formatSigned(0)).toBe("0");
    expect(formatNumber(0.125)).toBe("0.125");
  });
  it("scales bytes and durations", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(256 * 1024 * 1024)).toBe("256 MiB");
    expect(formatDuration(950)).toBe("950 ms");
    expect(formatDuration(12_500)).toBe("12.5 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
  });
  it("describes ages relative to a given now", () => {
    const now = new Date("2025-01-01T12:00:00Z");
    expect(formatAge(new Date("2025-01-01T11:59:30Z"), now)).toBe("30 s ago");
    expect(formatAge("2025-01-01T09:00:00Z", now)).toBe("3 h ago");
  });
  it("names verdicts", () => {
    expect(formatVerdict("WRONG_ANSWER")).toBe("Wrong answer");
    expect(formatVerdict("INVALID_CODE")).toBe("No code");
    expect(formatVerdict("RUNTIME_ERROR")).toBe("Runtime error");
  });
});
