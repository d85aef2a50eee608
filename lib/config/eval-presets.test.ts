import { describe, expect, it } from "vitest";
import { evalConfigDefaults } from "./form-input";
import { EVAL_PRESETS, presetConflicts, withEvalPreset } from "./eval-presets";
import { evalRunConfigSchema } from "./run-config";

describe("evaluation presets", () => {
  it("set the paper's protocol, and what the run sets itself wins", () => {
    const config = evalRunConfigSchema.parse(
      withEvalPreset("paper-10at100", {
        policy: { kind: "demo" },
        dataset: "d",
        rolloutsPerProblem: 40,
        sampling: { maxTokens: 512, topP: undefined },
      }),
    );
    expect(config.sampling).toMatchObject({ temperature: 1, topP: 0.95, maxTokens: 512 });
    expect(config.rolloutsPerProblem).toBe(40);
    expect(config.environment).toMatchObject({ turnLimit: 3, judgeTests: "public+private+generated" });
  });

  it("give the form its starting values, each a valid config", () => {
    expect(evalConfigDefaults("paper-1at3")).toMatchObject({ rolloutsPerProblem: 200, "sampling.temperature": 0.2 });
    for (const preset of EVAL_PRESETS)
      expect(() => evalRunConfigSchema.parse(withEvalPreset(preset, { policy: { kind: "demo" }, dataset: "d" }))).not.toThrow();
    expect(withEvalPreset(undefined, { a: 1 })).toEqual({ a: 1 });
  });

  it("Table 2/5 presets: 20 rollouts, T 0.2, top-p 0.95, 3 turns, public + private judged, and checked", () => {
    for (const preset of ["paper-table2-humanevalplus", "paper-table2-mbppplus", "paper-table2-livecodebench"] as const) {
      const config = evalRunConfigSchema.parse(withEvalPreset(preset, { policy: { kind: "demo" }, dataset: "d" }));
      expect(config).toMatchObject({ rolloutsPerProblem: 20, preset });
      expect(config.sampling).toMatchObject({ temperature: 0.2, topP: 0.95 });
      expect(config.environment).toMatchObject({ turnLimit: 3, judgeTests: "public+private" });
      expect(presetConflicts({ ...config, environment: { ...config.environment, turnLimit: 1 } })).toHaveProperty([
        "environment.turnLimit",
      ]);
    }
  });
});
