import { describe, expect, it } from "vitest";
import { prepareSolveRateByTurn } from "./prepare-solve-rate-by-turn";

describe("prepareSolveRateByTurn", () => {
  it("orders turns, converts to percent and computes the gain of each extra turn", () => {
    const bars = prepareSolveRateByTurn([
      { turn: 2, rate: 0.31 },
      { turn: 1, rate: 0.2 },
      { turn: 3, rate: 0.355 },
    ]);
    expect(bars.map((b) => b.turn)).toEqual([1, 2, 3]);
    expect(bars.map((b) => b.percent)).toEqual([20, 31, 35.5]);
    expect(bars[0].gain).toBeNull();
    expect(bars[1].gain).toBeCloseTo(11, 5);
    expect(bars[2].gain).toBeCloseTo(4.5, 5);
  });
  it("keeps unknown rates as null and does not invent a gain next to them", () => {
    const bars = prepareSolveRateByTurn([
      { turn: 1, rate: null },
      { turn: 2, rate: 0.5 },
    ]);
    expect(bars[0].percent).toBeNull();
    expect(bars[1].gain).toBeNull();
  });
});
