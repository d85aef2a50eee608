import { describe, expect, it } from "vitest";
import { evalConfigDefaults, trainConfigDefaults, configInputFromForm, flattenConfig, fromForm } from "./form-input";
import { ConfigValidationError } from "./config-error";
import { evalRunConfigSchema } from "./run-config";
import { trainRunConfigSchema } from "./train-config";

describe("form data → run-config input", () => {
  it("nests dot-paths, drops empty values and coerces numbers where the schema wants them", () => {
    const input = configInputFromForm(
      {
        name: " ",
        dataset: "demo",
        "sampling.temperature": "0.6",
        "sampling.topP": "",
        "environment.turnLimit": "2",
        "environment.feedback": "none",
        limit: "",
      },
      evalRunConfigSchema,
    );
    expect(input).toEqual({ dataset: "demo", sampling: { temperature: 0.6 }, environment: { turnLimit: 2, feedback: "none" } });
  });

  it("reads FormData the same way, a repeated key as a list", () => {
    const form = new FormData();
    form.append("dataset", "demo");
    form.append("problems", "a");
    form.append("problems", "b");
    form.append("rolloutsPerProblem", "4");
    expect(configInputFromForm(form, evalRunConfigSchema)).toEqual({ dataset: "demo", problems: ["a", "b"], rolloutsPerProblem: 4 });
  });

  it("coerces inside a discriminated union (the policy) and leaves a non-number for the schema to report", () => {
    expect(
      configInputFromForm({ "policy.kind": "openai", "policy.maxConcurrency": "4", "policy.model": "7" }, evalRunConfigSchema),
    ).toEqual({ policy: { kind: "openai", maxConcurrency: 4, model: "7" } });
    const parsed = fromForm(evalRunConfigSchema).safeParse({ "policy.kind": "demo", dataset: "d", "sampling.temperature": "warm" });
    expect(parsed.success).toBe(false);
    const errors = ConfigValidationError.fromZod(parsed.error!).fieldErrors;
    expect(errors).toEqual({ "sampling.temperature": ["expected a number"] });
  });

  it("keys every schema error by the input's own name", () => {
    const parsed = fromForm(trainRunConfigSchema).safeParse({
      "trainer.baseUrl": "nope",
      dataset: "d",
      "optimizer.lr": "-1",
      "eval.every": "1.5",
    });
    expect(Object.keys(ConfigValidationError.fromZod(parsed.error!).fieldErrors).sort()).toEqual([
      "eval.every",
      "optimizer.lr",
      "trainer.baseUrl",
    ]);
  });

  it("keeps the training reward when only part of the training environment is set", () => {
    // a partial environment object used to fall back to the evaluation default (generated tests judged)
    const config = fromForm(trainRunConfigSchema).parse({ "trainer.baseUrl": "http://t:1", dataset: "d", "environment.turnLimit": "2" });
    expect(config.environment).toMatchObject({ turnLimit: 2, judgeTests: "public+private", feedback: "execution" });
    // unset optimizer settings are the trainer's preset (2e-7 for full fine-tuning, the paper's), resolved
    // by the trainer when the run registers and recorded as config.trainerConfig (issue 14)
    expect(config.optimizer.lr).toBeUndefined();
  });
});

describe("form defaults", () => {
  it("are the schemas' defaults, flattened to input names, and submit back to the same config", () => {
    const evalDefaults = evalConfigDefaults();
    expect(evalDefaults).toMatchObject({
      "sampling.temperature": 0.2,
      "sampling.topP": 0.95,
      "environment.turnLimit": 3,
      "environment.judgeTests": "public+private+generated",
    });
    expect(evalDefaults).not.toHaveProperty("dataset");
    const strings = Object.fromEntries(Object.entries(evalDefaults).map(([k, v]) => [k, String(v)]));
    const submitted = fromForm(evalRunConfigSchema).parse({ ...strings, "policy.kind": "demo", dataset: "d" });
    expect(submitted).toEqual(evalRunConfigSchema.parse({ policy: { kind: "demo" }, dataset: "d" }));

    const trainDefaults = trainConfigDefaults();
    expect(trainDefaults).toMatchObject({ "reward.klBeta": 0.05, "environment.judgeTests": "public+private", "eval.split": "valid" });
    expect(trainDefaults).not.toHaveProperty("optimizer.lr"); // empty input: the trainer's preset
  });

  it("flattens nested values to dot-paths", () => {
    expect(flattenConfig({ a: 1, b: { c: "x", d: { e: true } }, f: [1] })).toEqual({ a: 1, "b.c": "x", "b.d.e": true });
  });
});
