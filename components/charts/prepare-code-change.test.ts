import { describe, expect, it } from "vitest";
import { prepareCodeChange } from "./prepare-code-change";

describe("prepareCodeChange", () => {
  it("labels bins, sorts them and gives each bin its share of pairs", () => {
    const chart = prepareCodeChange({
      pairs: 8,
      meanChange: 0.3,
      medianChange: 0.25,
      identicalRate: 0.125,
      histogram: [
        { from: 0.1, to: 0.2, count: 2 },
        { from: 0, to: 0.1, count: 6 },
      ],
    });
    expect(chart.bins.map((b) => b.label)).toEqual(["0.0–0.1", "0.1–0.2"]);
    expect(chart.bins.map((b) => b.percent)).toEqual([75, 25]);
    expect(chart.identicalPercent).toBe(12.5);
    expect(chart.pairs).toBe(8);
  });
  it("handles runs without any consecutive pairs", () => {
    const chart = prepareCodeChange({
      pairs: 0,
      meanChange: null,
      medianChange: null,
      identicalRate: null,
      histogram: [{ from: 0, to: 0.5, count: 0 }],
    });
    expect(chart.bins[0].percent).toBe(0);
    expect(chart.identicalPercent).toBeNull();
  });
});
