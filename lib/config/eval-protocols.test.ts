import { describe, expect, it } from "vitest";
import { applyEvalProtocol, EVAL_PROTOCOLS, protocolConflicts } from "./eval-protocols";
import { evalRunConfigSchema } from "./run-config";

const parse = (input: Record<string, unknown>) => evalRunConfigSchema.parse(applyEvalProtocol({ policy: { kind: "demo" }, dataset: "cc", ...input } as Record<string, unknown>));

describe("evaluation protocol presets", () => {
  it("paper-1at3: 200 rollouts, T 0.2, top-p 0.95, 3 turns, private + generated tests judged", () => {
    const c = parse({ protocol: "paper-1at3" });
    expect(c).toMatchObject({ protocol: "paper-1at3", rolloutsPerProblem: 200, environment: { turnLimit: 3, judgeTests: "public+private+generated" }, sampling: { temperature: 0.2, topP: 0.95 } });
    expect(protocolConflicts(c)).toEqual({});
  });

  it("paper-10at100: T 1.0, top-p 0.95, 3 turns, at least 33 rollouts", () => {
    const c = parse({ protocol: "paper-10at100" });
    expect(c).toMatchObject({ rolloutsPerProblem: 200, environment: { turnLimit: 3 }, sampling: { temperature: 1, topP: 0.95 } });
    expect(protocolConflicts(parse({ protocol: "paper-10at100", rolloutsPerProblem: 33 }))).toEqual({});
    expect(protocolConflicts(parse({ protocol: "paper-10at100", rolloutsPerProblem: 20 }))).toHaveProperty("rolloutsPerProblem");
  });

  it("refuses what contradicts the protocol instead of overriding it", () => {
    const errors = protocolConflicts(parse({ protocol: "paper-1at3", sampling: { temperature: 1 }, environment: { turnLimit: 5, judgeTests: "public+private" } }));
    expect(Object.keys(errors).sort()).toEqual(["environment.judgeTests", "environment.turnLimit", "sampling.temperature"]);
    expect(errors["sampling.temperature"][0]).toMatch(/paper-1at3 fixes this to 0.2, got 1/);
  });

  it("leaves a config without a protocol alone, and lists every preset once", () => {
    expect(protocolConflicts(parse({}))).toEqual({});
    expect(EVAL_PROTOCOLS.map((p) => p.id)).toEqual(["paper-1at3", "paper-10at100"]);
  });
});
