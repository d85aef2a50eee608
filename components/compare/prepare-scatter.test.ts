import { describe, expect, it } from "vitest";
import { prepareScatter } from "./prepare-scatter";

describe("prepareScatter", () => {
  const points = Array.from({ length: 50 }, (_, i) => ({
    id: `p${i}`,
    name: `P${i}`,
    a: 0.5,
    b: i % 2 ? 1 : 0,
    flip: (i % 2 ? "both" : "aOnly") as "both" | "aOnly",
  }));

  it("splits points by flip kind and keeps the true rates", () => {
    const series = prepareScatter(points);
    expect(series.both).toHaveLength(25);
    expect(series.aOnly).toHaveLength(25);
    expect(series.both.every((p) => p.a === 0.5 && p.b === 1)).toBe(true);
  });

  it("jitters within the spread, deterministically, and spreads coincident points apart", () => {
    const first = prepareScatter(points, 0.02);
    const again = prepareScatter(points, 0.02);
    expect(again).toEqual(first);
    const xs = first.both.map((p) => p.x);
    expect(Math.max(...xs.map((x) => Math.abs(x - 50)))).toBeLessThanOrEqual(2);
    expect(new Set(xs.map((x) => x.toFixed(3))).size).toBeGreaterThan(20);
  });
});
