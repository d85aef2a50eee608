import { describe, expect, it } from "vitest";
import { deriveSampleSeed } from "./derive-seed";

describe("deriveSampleSeed", () => {
  it("gives every (problem, sample, turn) of a run its own seed, the same on every rerun", () => {
    const seeds = new Set<number>();
    for (const problem of ["1548_C", "1549_A", "1550_B"]) {
      for (let sample = 0; sample < 200; sample++)
        for (let turn = 0; turn < 3; turn++) seeds.add(deriveSampleSeed(7, problem, sample, turn));
    }
    // 1,800 requests; a 31-bit hash may collide now and then, never systematically
    expect(seeds.size).toBeGreaterThanOrEqual(1798);
    expect(deriveSampleSeed(7, "1548_C", 3, 1)).toBe(deriveSampleSeed(7, "1548_C", 3, 1));
    expect(deriveSampleSeed(8, "1548_C", 3, 1)).not.toBe(deriveSampleSeed(7, "1548_C", 3, 1));
    for (const s of seeds) expect(s >= 0 && s < 2 ** 31 && Number.isInteger(s)).toBe(true);
  });
});
