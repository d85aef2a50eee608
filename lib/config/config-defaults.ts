import { withEvalPreset, type EvalPreset } from "./eval-presets";
import { flattenConfig } from "./form-input";
import { evalRunConfigSchema } from "./run-config";
import { trainRunConfigSchema } from "./train-config";

/**
 * The launch forms' initial values by input name: what the schemas default to (the paper's values),
 * never a second copy of them. The required fields get placeholders only to let the schema parse.
 */
export function evalConfigDefaults(preset?: EvalPreset): Record<string, string | number | boolean> {
  const config = evalRunConfigSchema.parse(withEvalPreset(preset, { policy: { kind: "demo" }, dataset: "-" }));
  return withoutPlaceholders(flattenConfig(config), ["policy.kind", "policy.seed", "dataset"]);
}

export function trainConfigDefaults(): Record<string, string | number | boolean> {
  return withoutPlaceholders(flattenConfig(trainRunConfigSchema.parse({ trainer: { baseUrl: "http://placeholder" }, dataset: "-" })), ["trainer.baseUrl", "dataset"]);
}

function withoutPlaceholders<T extends Record<string, unknown>>(flat: T, keys: string[]): T {
  for (const key of keys) delete flat[key];
  return flat;
}
