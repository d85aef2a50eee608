import { z } from "zod";
import { withEvalPreset, type EvalPreset } from "./eval-presets";
import { evalRunConfigSchema } from "./run-config";
import { trainRunConfigSchema } from "./train-config";

/**
 * The launch contract: a form's inputs are named by their run-config path ("sampling.temperature",
 * "optimizer.lr"), and this one function turns the submitted values into config input for the
 * run-config schema, which then validates it directly; its issues' paths are the inputs' names, so
 * an error shows under the input that caused it with no mapping table in between.
 *
 * - a dot-path becomes nesting: { "sampling.temperature": "0.6" } → { sampling: { temperature: 0.6 } }
 * - an empty value means absent, so the schema's default (the paper's value) applies
 * - a string where the schema wants a number (or boolean) is coerced; one that is not a number is
 *   left as it is, and the schema reports it under its input
 * - a key that repeats (FormData) becomes an array
 */
export function configInputFromForm(form: FormData | Record<string, unknown>, schema: z.ZodType): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  if (form instanceof FormData) {
    for (const key of new Set(form.keys())) {
      const all = form.getAll(key).filter((v): v is string => typeof v === "string");
      entries.push([key, all.length > 1 ? all : all[0]]);
    }
  } else entries.push(...Object.entries(form));

  const input: Record<string, unknown> = {};
  for (const [key, raw] of entries) {
    const value = normalise(raw);
    if (value === undefined) continue;
    const path = key.split(".");
    let node = input;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = (next && typeof next === "object" && !Array.isArray(next) ? next : (node[part] = {})) as Record<string, unknown>;
    }
    node[path.at(-1)!] = coerce(value, leafKinds(schema, path));
  }
  return input;
}

/** What a dot-path of the schema expects at its end: "number", "boolean", or something else. */
function leafKinds(schema: z.ZodType, path: string[]): Set<string> {
  const kinds = new Set<string>();
  const visit = (node: z.ZodType, rest: string[]) => {
    const inner = unwrap(node);
    if (inner instanceof z.ZodUnion || inner instanceof z.ZodDiscriminatedUnion) {
      for (const option of inner.options as z.ZodType[]) visit(option, rest);
      return;
    }
    if (rest.length === 0) {
      if (inner instanceof z.ZodNumber) kinds.add("number");
      else if (inner instanceof z.ZodBoolean) kinds.add("boolean");
      else kinds.add("other");
      return;
    }
    if (inner instanceof z.ZodObject) {
      const child = (inner.shape as Record<string, z.ZodType>)[rest[0]];
      if (child) visit(child, rest.slice(1));
    }
  };
  visit(schema, path);
  return kinds;
}

function unwrap(node: z.ZodType): z.ZodType {
  let current = node;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      // z.preprocess(fn, schema) is a pipe from a transform into the schema: the shape is the schema's
      current = (current.in instanceof z.ZodTransform ? current.out : current.in) as z.ZodType;
    } else return current;
  }
}

function normalise(raw: unknown): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "string") {
    const trimmed = raw.trim();
    return trimmed === "" ? undefined : trimmed;
  }
  if (Array.isArray(raw)) {
    const values = raw.map(normalise).filter((v) => v !== undefined);
    return values.length ? values : undefined;
  }
  return raw;
}

function coerce(value: unknown, kinds: Set<string>): unknown {
  if (typeof value !== "string") return value;
  if (kinds.has("number") && !kinds.has("other")) {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  if (kinds.has("boolean") && !kinds.has("other")) {
    if (value === "true" || value === "on" || value === "1") return true;
    if (value === "false" || value === "off" || value === "0") return false;
  }
  return value;
}

/**
 * A parsed config as flat dot-path → value pairs: the forms' initial values, straight from the
 * schema's defaults (`flattenConfig(schema.parse(minimal))`).
 */
export function flattenConfig(value: unknown, prefix = ""): Record<string, string | number | boolean> {
  const flat: Record<string, string | number | boolean> = {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) return flat;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === "string" || typeof child === "number" || typeof child === "boolean") flat[path] = child;
    else Object.assign(flat, flattenConfig(child, path));
  }
  return flat;
}

/**
 * `schema`, accepting form values named by config path (FormData or a plain object of them): the
 * input schema of a launch action, whose field errors are then keyed by the inputs' own names.
 */
export function fromForm<S extends z.ZodType>(schema: S) {
  return z.preprocess(
    (raw) =>
      raw instanceof FormData || (raw !== null && typeof raw === "object" && !Array.isArray(raw))
        ? configInputFromForm(raw as FormData | Record<string, unknown>, schema)
        : raw,
    schema,
  );
}

/**
 * The launch forms' initial values by input name: what the schemas default to (the paper's values),
 * never a second copy of them. The required fields get placeholders only to let the schema parse.
 */
export function evalConfigDefaults(preset?: EvalPreset): Record<string, string | number | boolean> {
  const config = evalRunConfigSchema.parse(withEvalPreset(preset, { policy: { kind: "demo" }, dataset: "-" }));
  return withoutPlaceholders(flattenConfig(config), ["policy.kind", "policy.seed", "dataset"]);
}

export function trainConfigDefaults(): Record<string, string | number | boolean> {
  return withoutPlaceholders(flattenConfig(trainRunConfigSchema.parse({ trainer: { baseUrl: "http://placeholder" }, dataset: "-" })), [
    "trainer.baseUrl",
    "dataset",
  ]);
}

function withoutPlaceholders<T extends Record<string, unknown>>(flat: T, keys: string[]): T {
  for (const key of keys) delete flat[key];
  return flat;
}
