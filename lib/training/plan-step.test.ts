import { describe, expect, it } from "vitest";
import { planStep } from "./plan-step";

describe("planStep", () => {
  const base = { seed: 7, episodesPerStep: 12, rolloutsPerProblem: 3, problemCount: 50 };
  it("is the same plan for the same seed and step, so a resumed run finds its episodes", () => {
    expect(planStep({ ...base, step: 4 })).toEqual(planStep({ ...base, step: 4 }));
  });
  it("gives every episode of a run its own sample index", () => {
    const all = [0, 1, 2].flatMap((step) => planStep({ ...base, step }).map((s) => s.sampleIndex));
    expect(new Set(all).size).toBe(all.length);
  });
  it("groups rollouts of one problem and spreads groups over the problems", () => {
    const slots = planStep({ ...base, step: 0 });
    for (let g = 0; g < 4; g++) {
      const group = slots.slice(g * 3, g * 3 + 3).map((s) => s.problemIndex);
      expect(new Set(group).size).toBe(1);
    }
    const many = Array.from({ length: 200 }, (_, step) => planStep({ ...base, step })[0].problemIndex);
    expect(new Set(many).size).toBeGreaterThan(30);
    expect(Math.max(...many)).toBeLessThan(50);
  });
});
