import { describe, expect, it } from "vitest";
import { appsLimits, pythonListLiteral } from "./apps-fields";

describe("appsLimits", () => {
  it("reads TACO's limits as the source sites write them", () => {
    expect(appsLimits("2 seconds", "256 megabytes")).toEqual({ timeLimitMs: 2000, memoryLimitBytes: 256_000_000 });
    expect(appsLimits("1.5 seconds", "512.0 megabytes")).toEqual({ timeLimitMs: 1500, memoryLimitBytes: 512_000_000 });
    expect(appsLimits("0.5 second", "64 MB")).toEqual({ timeLimitMs: 500, memoryLimitBytes: 64_000_000 });
    expect(appsLimits(3, 1024)).toEqual({ timeLimitMs: 3000, memoryLimitBytes: 1_024_000_000 });
    expect(appsLimits("1", "1 gigabyte")).toEqual({ timeLimitMs: 1000, memoryLimitBytes: 1_000_000_000 });
  });
  it("leaves what it cannot read unknown rather than guessing", () => {
    expect(appsLimits("None", "None")).toEqual({ timeLimitMs: null, memoryLimitBytes: null });
    expect(appsLimits(undefined, "")).toEqual({ timeLimitMs: null, memoryLimitBytes: null });
    expect(appsLimits("0 seconds", "0 megabytes")).toEqual({ timeLimitMs: null, memoryLimitBytes: null });
  });
});

describe("pythonListLiteral", () => {
  it("reads TACO's tag lists written as Python literals, and real lists", () => {
    expect(pythonListLiteral("['Sorting', \"Euler's\", 'Data structures']", "tags")).toEqual(["Sorting", "Euler's", "Data structures"]);
    expect(pythonListLiteral("[]", "tags")).toEqual([]);
    expect(pythonListLiteral(["Greedy", ""], "tags")).toEqual(["Greedy"]);
    expect(pythonListLiteral(null, "tags")).toEqual([]);
  });
  it("refuses a value that is not a list, naming the field", () => {
    expect(() => pythonListLiteral("Sorting", "skill_types")).toThrow(/field skill_types: expected a list/);
  });
});
