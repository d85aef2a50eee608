import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { evalLaunchInputSchema } from "@/lib/actions/launch/resolve-eval-policy";
import { evalConfigDefaults, trainConfigDefaults, configInputFromForm } from "@/lib/config/form-input";
import { evalRunConfigSchema } from "@/lib/config/run-config";
import { trainRunConfigSchema } from "@/lib/config/train-config";
import { EvalLaunchForm } from "./EvalLaunchForm";
import type { LaunchOptions } from "../../lib/queries/launch/list-launch-options";
import { TrainLaunchForm } from "./TrainLaunchForm";

const options: LaunchOptions = {
  datasets: [
    {
      name: "demo",
      splits: [
        { split: "test", problems: 3 },
        { split: "train", problems: 5 },
        { split: "valid", problems: 2 },
      ],
    },
  ],
  endpoints: [{ id: "ep1", name: "vllm", kind: "openai", model: "llama" }],
  checkpoints: [{ id: "ck1", step: 10, runName: "r" }],
};

/** Every named input of the rendered form with the value it would submit untouched. */
function submittedValues(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const m of html.matchAll(/<input\b([^>]*)>/g)) {
    const name = /name="([^"]+)"/.exec(m[1])?.[1];
    if (!name) continue;
    if (/type="radio"/.test(m[1]) && !/checked=""/.test(m[1])) continue;
    values[name] = /value="([^"]*)"/.exec(m[1])?.[1] ?? "";
  }
  for (const m of html.matchAll(/<select\b([^>]*)>(.*?)<\/select>/g)) {
    const name = /name="([^"]+)"/.exec(m[1])?.[1];
    if (!name) continue; // a control that is not submitted (the preset select)
    const chosen = /<option[^>]*value="([^"]*)"[^>]*selected=""/.exec(m[2]) ?? /<option[^>]*value="([^"]*)"/.exec(m[2]);
    values[name] = chosen?.[1] ?? "";
  }
  return values;
}

describe("the launch forms speak the run config's language", () => {
  it("the eval form's untouched submission is the schema's default config", () => {
    const html = renderToStaticMarkup(createElement(EvalLaunchForm, { options, defaults: evalConfigDefaults() }));
    const values = submittedValues(html);
    expect(Object.keys(values)).toEqual(
      expect.arrayContaining(["policy.source", "sampling.temperature", "environment.turnLimit", "environment.feedback"]),
    );
    const input = evalLaunchInputSchema.parse(values);
    expect({ ...input, policy: { kind: "demo", seed: 0 } }).toEqual(
      evalRunConfigSchema.parse({ policy: { kind: "demo" }, dataset: "demo", split: "test" }),
    );
  });

  it("every input of the training form is a training-config path, and the untouched form submits its defaults", () => {
    const html = renderToStaticMarkup(createElement(TrainLaunchForm, { options, defaults: trainConfigDefaults() }));
    const values = { ...submittedValues(html), "trainer.baseUrl": "http://127.0.0.1:8100" };
    expect(Object.keys(values)).toEqual(expect.arrayContaining(["optimizer.lr", "reward.klBeta", "optimizer.minibatches", "eval.split"]));
    const input = configInputFromForm(values, trainRunConfigSchema);
    const strict = trainRunConfigSchema.strict().safeParse(input);
    // every top-level input is a key of the schema (strict refuses unknown keys)
    expect(strict.error?.issues ?? []).toEqual([]);
    expect(trainRunConfigSchema.parse(input)).toEqual(
      trainRunConfigSchema.parse({ trainer: { baseUrl: "http://127.0.0.1:8100" }, dataset: "demo", split: "train" }),
    );
  });
});
