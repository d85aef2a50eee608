import { describe, expect, it } from "vitest";
import { prepareErrorKinds } from "./prepare-error-kinds";

const zero = { WRONG_ANSWER: 0, RUNTIME_ERROR: 0, TIME_LIMIT: 0, MEMORY_LIMIT: 0, OUTPUT_LIMIT: 0, SANDBOX_ERROR: 0, INVALID_CODE: 0 };

describe("prepareErrorKinds", () => {
  it("keeps only kinds that occurred, most frequent first, with per-turn failed and fixed counts", () => {
    const chart = prepareErrorKinds([
      {
        turn: 2,
        attempts: 6,
        failed: { ...zero, WRONG_ANSWER: 2 },
        withNextTurn: { ...zero, WRONG_ANSWER: 2 },
        fixedNextTurn: { ...zero, WRONG_ANSWER: 1 },
      },
      {
        turn: 1,
        attempts: 10,
        failed: { ...zero, WRONG_ANSWER: 3, RUNTIME_ERROR: 4 },
        withNextTurn: { ...zero, WRONG_ANSWER: 3, RUNTIME_ERROR: 3 },
        fixedNextTurn: { ...zero, RUNTIME_ERROR: 2 },
      },
    ]);
    expect(chart.kinds.map((k) => k.kind)).toEqual(["WRONG_ANSWER", "RUNTIME_ERROR"]);
    expect(chart.rows.map((r) => r.turn)).toEqual([1, 2]);
    expect(chart.rows[0]["failed:RUNTIME_ERROR"]).toBe(4);
    expect(chart.rows[0]["fixed:RUNTIME_ERROR"]).toBe(2);
    expect(chart.rows[0].failed).toBe(7);
    expect(chart.rows[0].fixRate).toBeCloseTo((2 / 6) * 100, 1);
    expect(chart.rows[1].fixRate).toBe(50);
    expect(chart.empty).toBe(false);
  });
  it("reports an empty chart when nothing failed, and a null fix rate where no next turn followed", () => {
    const chart = prepareErrorKinds([{ turn: 1, attempts: 4, failed: zero, withNextTurn: zero, fixedNextTurn: zero }]);
    expect(chart.empty).toBe(true);
    expect(chart.kinds).toEqual([]);
    expect(chart.rows[0].fixRate).toBeNull();
  });
});
