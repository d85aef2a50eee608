import { describe, expect, it } from "vitest";
import { EVAL_PRESETS, presetConflicts, withEvalPreset } from "./eval-presets";
import { evalRunConfigSchema } from "./run-config";

const parse = (input: Record<string, unknown>) =>
  evalRunConfigSchema.parse(
    withEvalPreset(input.preset as (typeof EVAL_PRESETS)[number] | undefined, { policy: { kind: "demo" }, dataset: "cc", ...input }),
  );

describe("evaluation protocols are checked claims (issue 10.13)", () => {
  it("paper-1at3: 200 rollouts, T 0.2, top-p 0.95, 3 turns, private + generated tests judged; recorded in the config", () => {
    const c = parse({ preset: "paper-1at3" });
    expect(c).toMatchObject({
      preset: "paper-1at3",
      rolloutsPerProblem: 200,
      environment: { turnLimit: 3, judgeTests: "public+private+generated" },
      sampling: { temperature: 0.2, topP: 0.95 },
    });
    expect(presetConflicts(c)).toEqual({});
  });

  it("paper-10at100: T 1.0, top-p 0.95, 3 turns, at least 33 rollouts", () => {
    expect(parse({ preset: "paper-10at100" })).toMatchObject({
      rolloutsPerProblem: 200,
      environment: { turnLimit: 3 },
      sampling: { temperature: 1, topP: 0.95 },
    });
    expect(presetConflicts(parse({ preset: "paper-10at100", rolloutsPerProblem: 33 }))).toEqual({});
    expect(presetConflicts(parse({ preset: "paper-10at100", rolloutsPerProblem: 20 }))).toHaveProperty("rolloutsPerProblem");
  });

  it("refuses what contradicts the protocol instead of running something else under its name", () => {
    const errors = presetConflicts(
      parse({ preset: "paper-1at3", sampling: { temperature: 1 }, environment: { turnLimit: 5, judgeTests: "public+private" } }),
    );
    expect(Object.keys(errors).sort()).toEqual(["environment.judgeTests", "environment.turnLimit", "sampling.temperature"]);
    expect(errors["sampling.temperature"]).toEqual(["paper-1at3 fixes this to 0.2, got 1"]);
    expect(presetConflicts(parse({}))).toEqual({});
  });
});
