import { describe, expect, it } from "vitest";
import { rewardConfigSchema } from "../config/run-config";
import { turnReward } from "./reward";

const reward = rewardConfigSchema.parse({});

describe("turnReward", () => {
  it("gives ±1 only on the final turn", () => {
    expect(turnReward({ isFinal: true, hasCode: true, solved: true, reward }).total).toBe(1);
    expect(turnReward({ isFinal: true, hasCode: true, solved: false, reward }).total).toBe(-1);
    expect(turnReward({ isFinal: false, hasCode: true, solved: false, reward }).total).toBe(0);
  });
  it("charges −0.2 for a non-final reply without code, and −1 (not −1.2) on the final turn", () => {
    expect(turnReward({ isFinal: false, hasCode: false, solved: false, reward }).invalidCode).toBe(-0.2);
    const last = turnReward({ isFinal: true, hasCode: false, solved: false, reward });
    expect(last.invalidCode).toBe(0);
    expect(last.total).toBe(-1);
  });
  it("uses the per-token mean log-ratio, not the sum, for the KL term", () => {
    const parts = turnReward({
      isFinal: false,
      hasCode: true,
      solved: false,
      reward,
      logprobs: [-1, -2, -3, -4],
      refLogprobs: [-1.5, -2.5, -3.5, -4.5],
    });
    expect(parts.kl).toBeCloseTo(-0.05 * 0.5, 12);
    expect(parts.total).toBeCloseTo(parts.kl, 12);
  });
});
