import { describe, expect, it } from "vitest";
import { MAX_POINTS, prepareTrainingCurves } from "./prepare-training-curves";

describe("prepareTrainingCurves", () => {
  it("groups metrics into the expected panels in a fixed order", () => {
    const points = ["loss/value", "kl", "reward/mean", "clip_fraction", "entropy", "solve_rate", "loss/policy", "grad_norm"].flatMap(
      (name) => [1, 2].map((step) => ({ name, step, value: step })),
    );
    const panels = prepareTrainingCurves(points);
    expect(panels.map((p) => p.id)).toEqual(["reward", "solve", "kl", "entropy", "loss", "clip", "metric:grad_norm"]);
    expect(panels.find((p) => p.id === "loss")!.series.map((s) => s.name)).toEqual(["loss/policy", "loss/value"]);
  });
  it("sorts by step, drops non-finite values and fills gaps with null", () => {
    const panels = prepareTrainingCurves([
      { name: "loss/policy", step: 3, value: 0.3 },
      { name: "loss/policy", step: 1, value: 0.1 },
      { name: "loss/value", step: 2, value: Number.NaN },
      { name: "loss/value", step: 3, value: 0.9 },
    ]);
    const loss = panels[0];
    expect(loss.data.map((r) => r.step)).toEqual([1, 3]);
    expect(loss.data[0]["loss/value"]).toBeNull();
    expect(loss.data[1]["loss/value"]).toBe(0.9);
  });
  it("downsamples long series to at most MAX_POINTS bucket means", () => {
    const points = Array.from({ length: MAX_POINTS * 5 }, (_, i) => ({ name: "kl", step: i, value: i % 2 }));
    const [kl] = prepareTrainingCurves(points);
    expect(kl.data.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(kl.data[0].kl).toBeCloseTo(0.4, 5);
  });
});
