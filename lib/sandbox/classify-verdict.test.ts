import { describe, expect, it } from "vitest";
import { classifyVerdict, type RunObservation } from "./classify-verdict";
import { resolveLimits } from "./limits";
import { OutputCapture } from "./output-capture";

const limits = resolveLimits({ memoryLimitBytes: 256 * 1024 ** 2 });
const ok = () => ({ ok: true, firstDifferenceAt: null, expectedTokens: 1, actualTokens: 1 });
const wrong = () => ({ ok: false, firstDifferenceAt: 0, expectedTokens: 1, actualTokens: 1 });

function run(overrides: Partial<RunObservation>, stderr = ""): RunObservation {
  const err = new OutputCapture();
  err.push(Buffer.from(stderr));
  return {
    index: 0,
    timeMs: 5,
    cpuMs: 4,
    peakMemoryBytes: 10 * 1024 ** 2,
    exitCode: 0,
    signal: null,
    timedOut: false,
    outputLimited: null,
    stdout: new OutputCapture(),
    stderr: err,
    ...overrides,
  };
}

describe("classifyVerdict", () => {
  it("checks the output only for a clean exit", () => {
    expect(classifyVerdict(run({}), limits, ok)).toBe("OK");
    expect(classifyVerdict(run({}), limits, wrong)).toBe("WRONG_ANSWER");
    expect(classifyVerdict(run({ exitCode: 3 }), limits, ok)).toBe("RUNTIME_ERROR");
    expect(classifyVerdict(run({ exitCode: null, signal: 11 }), limits, ok)).toBe("RUNTIME_ERROR");
  });

  it("output cap beats time, time beats memory, memory beats crash", () => {
    expect(classifyVerdict(run({ outputLimited: "stdout", timedOut: true, signal: 9, exitCode: null }), limits, ok)).toBe("OUTPUT_LIMIT");
    expect(classifyVerdict(run({ timedOut: true, signal: 9, exitCode: null }, "MemoryError\n"), limits, ok)).toBe("TIME_LIMIT");
    expect(classifyVerdict(run({ exitCode: null, signal: 24 }), limits, ok)).toBe("TIME_LIMIT");
  });

  it("MEMORY_LIMIT from a MemoryError that ended the program, or a SIGKILL near the limit", () => {
    const trace = 'Traceback (most recent call last):\n  File "x", line 1\nMemoryError\n';
    expect(classifyVerdict(run({ exitCode: 1 }, trace), limits, ok)).toBe("MEMORY_LIMIT");
    expect(classifyVerdict(run({ exitCode: 1 }, "MemoryError: caught and printed\nValueError: later\n"), limits, ok)).toBe("RUNTIME_ERROR");
    expect(classifyVerdict(run({ exitCode: 0 }, trace), limits, ok)).toBe("OK");
    expect(classifyVerdict(run({ exitCode: null, signal: 9, peakMemoryBytes: 250 * 1024 ** 2 }), limits, ok)).toBe("MEMORY_LIMIT");
    expect(classifyVerdict(run({ exitCode: null, signal: 9, peakMemoryBytes: 20 * 1024 ** 2 }), limits, ok)).toBe("RUNTIME_ERROR");
  });
});

describe("classifyVerdict after the hardening (issue 12)", () => {
  it("MEMORY_LIMIT when the memory cgroup OOM-killed a process of the test, whatever else happened", () => {
    expect(classifyVerdict(run({ memoryLimitHit: true, exitCode: null, signal: 9 }), limits, ok)).toBe("MEMORY_LIMIT");
    expect(classifyVerdict(run({ memoryLimitHit: true, timedOut: true, exitCode: null, signal: 9 }), limits, ok)).toBe("MEMORY_LIMIT");
    expect(classifyVerdict(run({ memoryLimitHit: true }), limits, ok)).toBe("MEMORY_LIMIT");
    expect(classifyVerdict(run({ memoryLimitHit: true, outputLimited: "stdout" }), limits, ok)).toBe("OUTPUT_LIMIT");
  });

  it("TIME_LIMIT whenever the measured wall or CPU time is past the limit, even after a clean exit", () => {
    const limit = limits.timeLimitMs;
    expect(classifyVerdict(run({ timeMs: limit + 1 }), limits, ok)).toBe("TIME_LIMIT");
    expect(classifyVerdict(run({ timeMs: 10, cpuMs: limit + 1 }), limits, ok)).toBe("TIME_LIMIT");
    expect(classifyVerdict(run({ timeMs: limit, cpuMs: limit }), limits, ok)).toBe("OK");
    expect(classifyVerdict(run({ timeMs: 10, cpuMs: null }), limits, ok)).toBe("OK");
  });
});
