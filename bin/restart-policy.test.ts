import { describe, expect, it } from "vitest";
import { decideRestart, DEFAULT_RESTART_POLICY, restartPolicyFromEnv, type RestartPolicy } from "./restart-policy";

const policy: RestartPolicy = { initialDelayMs: 1000, maxDelayMs: 8000, healthyAfterMs: 60_000, maxRapidRestarts: 5 };

describe("decideRestart", () => {
  it("backs off 1, 2, 4, 8, 8 s for children that keep dying young, then gives up", () => {
    let count = 0;
    const delays: number[] = [];
    for (;;) {
      const d = decideRestart(policy, count, 500);
      count = d.attempt;
      if (!d.restart) break;
      delays.push(d.delayMs);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(count).toBe(6);
  });

  it("starts over after a child stayed up for healthyAfterMs", () => {
    expect(decideRestart(policy, 4, 59_999)).toEqual({ restart: true, delayMs: 8000, attempt: 5 });
    expect(decideRestart(policy, 4, 60_000)).toEqual({ restart: true, delayMs: 1000, attempt: 1 });
    expect(decideRestart(policy, 5, 10)).toEqual({ restart: false, attempt: 6 });
  });

  it("never restarts with a limit of 0 (exit at once and let a process manager restart us)", () => {
    expect(decideRestart({ ...policy, maxRapidRestarts: 0 }, 0, 1e9)).toEqual({ restart: false, attempt: 1 });
  });
});

describe("restartPolicyFromEnv", () => {
  it("reads RLEF_RESTART_LIMIT and refuses nonsense", () => {
    expect(restartPolicyFromEnv({})).toEqual(DEFAULT_RESTART_POLICY);
    expect(restartPolicyFromEnv({ RLEF_RESTART_LIMIT: "0" }).maxRapidRestarts).toBe(0);
    expect(() => restartPolicyFromEnv({ RLEF_RESTART_LIMIT: "-1" })).toThrow(/RLEF_RESTART_LIMIT/);
    expect(() => restartPolicyFromEnv({ RLEF_RESTART_LIMIT: "lots" })).toThrow(/RLEF_RESTART_LIMIT/);
  });
});
