import { describe, expect, it } from "vitest";
import { addClamps, clampProblemLimits, formatClamps, type ClampSummary } from "./clamp-limits";
import { problemRecordSchema } from "./problem-record";

const record = (patch: object = {}) =>
  problemRecordSchema.parse({ externalId: "p1", name: "P", description: "d", publicTests: [], ...patch });
const maxima = { maxTimeLimitMs: 10_000, maxMemoryLimitBytes: 1024 };

describe("clampProblemLimits", () => {
  it("lowers limits past the maxima, leaves the rest (and the input) alone, and says what it did", () => {
    const input = record({ timeLimitMs: 20_000, memoryLimitBytes: 1e15 });
    const { record: out, clamps } = clampProblemLimits(input, maxima);
    expect([out.timeLimitMs, out.memoryLimitBytes]).toEqual([10_000, 1024]);
    expect([input.timeLimitMs, input.memoryLimitBytes]).toEqual([20_000, 1e15]);
    expect(clamps).toEqual([
      { externalId: "p1", field: "timeLimitMs", from: 20_000, to: 10_000 },
      { externalId: "p1", field: "memoryLimitBytes", from: 1e15, to: 1024 },
    ]);
    expect(clampProblemLimits(record({ timeLimitMs: 10_000, memoryLimitBytes: null }), maxima).clamps).toEqual([]);
  });

  it("refuses what no problem can mean, naming the field", () => {
    expect(() => clampProblemLimits({ ...record(), rating: 2 ** 40 }, maxima)).toThrow(/rating/);
    expect(() => clampProblemLimits({ ...record(), timeLimitMs: Number.POSITIVE_INFINITY }, maxima)).toThrow(
      /timeLimitMs: Infinity is not a positive whole number/,
    );
  });

  it("summarises: a count and the first 20 by name", () => {
    const summary: ClampSummary = { count: 0, examples: [] };
    for (let i = 0; i < 25; i++) addClamps(summary, [{ externalId: `p${i}`, field: "memoryLimitBytes", from: 1e15, to: 1024 }]);
    expect(summary.count).toBe(25);
    expect(summary.examples).toHaveLength(20);
    expect(formatClamps(summary, maxima)).toMatch(
      /^25 limits lowered to the configured maxima \(time 10000 ms, memory 1024 bytes\): p0 memoryLimitBytes 1000000000000000 → 1024; .* and 20 more$/,
    );
    expect(formatClamps({ count: 0, examples: [] })).toBeNull();
  });
});
