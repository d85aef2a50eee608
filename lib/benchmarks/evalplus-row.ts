import { RecordFieldError } from "../problems/problem-file-error";
import { parseField, rawArrayElements, RawJsonError, topLevelFields } from "../function-tasks/raw-json";
import { evalPlusOracle, type FunctionTaskDraft } from "./function-task-draft";

/**
 * One line of EvalPlus' HumanEvalPlus.jsonl / MbppPlus.jsonl (also -Mini and -NoExtreme), read with the
 * inputs kept as raw JSON (raw-json.ts). Field errors are RecordFieldError, located by the caller.
 */
export function parseEvalPlusLine(line: string): FunctionTaskDraft {
  let fields: Map<string, string>;
  try {
    fields = topLevelFields(line);
  } catch (error) {
    throw asFieldError(error);
  }
  const text = (key: string, optional = false): string => {
    const raw = fields.get(key);
    if (raw === undefined) {
      if (optional) return "";
      throw new RecordFieldError(key, "missing (expected string)");
    }
    const value = wrap(() => parseField(raw, key));
    if (typeof value !== "string") throw new RecordFieldError(key, `expected string, got ${describe(value)}`);
    return value;
  };
  const taskId = text("task_id");
  const dataset = taskId.startsWith("HumanEval/") ? "humaneval" : taskId.startsWith("Mbpp/") ? "mbpp" : null;
  if (!dataset) throw new RecordFieldError("task_id", `expected "HumanEval/<n>" or "Mbpp/<n>", got ${JSON.stringify(taskId)}`);
  const prompt = text("prompt");
  const entryPoint = text("entry_point");
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(entryPoint))
    throw new RecordFieldError("entry_point", `not a Python name: ${JSON.stringify(entryPoint)}`);
  const canonical = text("canonical_solution");
  const atolRaw = fields.get("atol");
  const atol = atolRaw === undefined ? 0 : wrap(() => parseField(atolRaw, "atol"));
  if (typeof atol !== "number" || !(atol >= 0)) throw new RecordFieldError("atol", `expected a number >= 0, got ${describe(atol)}`);
  const inputs = (key: string): string[] => {
    const raw = fields.get(key);
    if (raw === undefined) throw new RecordFieldError(key, "missing (expected array)");
    // Mbpp/793 ships `plus_input: {}`; EvalPlus iterates it as no inputs
    if (/^\{\s*\}$/.test(raw)) return [];
    const items = wrap(() => rawArrayElements(raw, key));
    items.forEach((item, i) => {
      if (!item.startsWith("[")) throw new RecordFieldError(`${key}[${i}]`, `expected an argument list, got ${item.slice(0, 40)}`);
    });
    return items;
  };
  const baseInputs = inputs("base_input");
  const plusInputs = inputs("plus_input");
  const number = Number(taskId.split("/")[1]);
  if (dataset === "humaneval") {
    return {
      externalId: taskId,
      name: `${taskId} ${entryPoint}`,
      description: prompt,
      responsePrefix: prompt,
      entryPoint,
      reference: prompt + canonical,
      assertSource: text("test"),
      prelude: "",
      baseInputs,
      plusInputs,
      atol,
      oracle: evalPlusOracle("humaneval", entryPoint),
      deserialize: null,
      source: "humanevalplus",
      memoryLimitBytes: EVALPLUS_MEMORY_BYTES,
      tags: ["humaneval"],
    };
  }
  return {
    externalId: taskId,
    name: `${taskId} ${entryPoint}`,
    description: mbppTaskText(prompt),
    responsePrefix: null,
    entryPoint,
    // MBPP+'s `assertion` drops sanitized MBPP's test_imports (Mbpp/120 calls math.isclose unimported)
    reference: prompt + canonical,
    assertSource: text("assertion"),
    prelude: /\bmath\./.test(fields.get("assertion") ?? "") ? "import math" : "",
    baseInputs,
    plusInputs,
    atol,
    oracle: evalPlusOracle("mbpp", entryPoint),
    deserialize: `mbpp:${number}`,
    source: "mbppplus",
    memoryLimitBytes: EVALPLUS_MEMORY_BYTES,
    tags: ["mbpp"],
  };
}

/** EvalPlus' default memory cap for a solution (evalplus/eval/__init__.py, 4 GiB). */
export const EVALPLUS_MEMORY_BYTES = 4 * 1024 ** 3;

/** MBPP+ prompts are a docstring holding the task sentence and one example assert; the sentence alone. */
export function mbppTaskText(prompt: string): string {
  const body = prompt.trim().replace(/^"""/, "").replace(/"""$/, "");
  return body
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("assert "))
    .join("\n")
    .trim();
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    throw asFieldError(error);
  }
}

function asFieldError(error: unknown): Error {
  if (error instanceof RawJsonError) return new RecordFieldError(error.field, error.message);
  return error as Error;
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
