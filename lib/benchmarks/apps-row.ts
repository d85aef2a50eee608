import { createHash } from "node:crypto";
import { z } from "zod";
import { scanText } from "../problems/check-text";
import { RecordFieldError } from "../problems/problem-file-error";
import { NEEDS_CHECKER_TAG, type ProblemRecord, type TestCase } from "../problems/problem-record";
import { functionTestCase } from "../sandbox/function-test";
import { RawJsonError, rawArrayElements, topLevelFields } from "../function-tasks/raw-json";
import { appsLimits, pythonListLiteral } from "./apps-fields";

/**
 * One APPS (codeparrot/apps) or TACO (BAAI/TACO) row: `question`, `solutions` (a JSON list of Python
 * programs, as a string), `input_output` (a JSON string {inputs, outputs, fn_name?}), `starter_code`, …
 * Checked against the published dataset cards and the graders' loaders (hendrycks/apps eval/testing_util.py,
 * FlagOpen/TACO metrics/testing_util.py) only: no real row was reachable here. README.md says how each
 * grader's comparison is reproduced.
 */
export type AppsFlavor = "apps" | "taco";

const listish = z.union([z.string(), z.array(z.string())]).nullish();
const rowSchema = z.object({
  question: z.string().min(1),
  solutions: z.union([z.string(), z.array(z.string())]).nullish(),
  input_output: z.string().nullish(),
  starter_code: z.string().nullish(),
  difficulty: z.string().nullish(),
  url: z.string().nullish(),
  /** APPS only */
  problem_id: z.union([z.number().int().nonnegative(), z.string().min(1)]).optional(),
  /** TACO only, from here on */
  name: z.string().nullish(),
  source: z.string().nullish(),
  tags: listish,
  skill_types: listish,
  time_limit: z.union([z.string(), z.number()]).nullish(),
  memory_limit: z.union([z.string(), z.number()]).nullish(),
  "Expected Auxiliary Space": z.string().nullish(),
  "Expected Time Complexity": z.string().nullish(),
});
type AppsRow = z.infer<typeof rowSchema>;

/** Reference programs kept per problem: TACO has hundreds for some; the audit judges each on every test. */
export const MAX_REFERENCES = 5;

/**
 * Imports the graders put before every call-based program (both testing_utils prepend the same list;
 * LeetCode-style starter code uses `List[int]` without importing it). numpy is left out: the sandbox has none.
 */
export const APPS_CALL_PREAMBLE = [
  "import sys, time, itertools, collections, math, fractions, random, heapq",
  "from itertools import accumulate, product, permutations, combinations",
  "from collections import Counter, OrderedDict, deque, defaultdict, ChainMap",
  "from functools import lru_cache",
  "from math import sqrt, sin, cos, tan, ceil, fabs, floor, gcd, exp, log, log2",
  "from typing import List, Tuple",
  "from heapq import *",
].join("\n");

/**
 * Statements that accept several outputs (a special judge upstream) or talk back (interactive): compared
 * with one expected output neither grader is right, so such problems are imported, tagged and kept out.
 */
const SEVERAL_ANSWERS =
  /\b(any of them|any one of them|(multiple|several|many) (possible |correct |valid |optimal )?(answers|solutions)|any (valid|correct|possible|such|optimal) (answer|solution|one)|(print|output) any\b|in any order|interactive problem)/i;

interface IoTests {
  fnName: string | null;
  inputs: string[];
  outputs: string[];
}

/** input_output's raw element texts (call arguments keep big ints and Infinity: Python reads them). */
function parseInputOutput(text: string | null | undefined): IoTests | null {
  if (!text || text.trim() === "") return null; // APPS/TACO rows without tests: imported, counted as lacking tests
  let fields: Map<string, string>;
  let inputs: string[];
  let outputs: string[];
  try {
    fields = topLevelFields(text.trim());
    if (!fields.has("inputs")) throw new RawJsonError("inputs", "missing (expected a list)");
    if (!fields.has("outputs")) throw new RawJsonError("outputs", "missing (expected a list)");
    inputs = rawArrayElements(fields.get("inputs")!, "inputs");
    outputs = rawArrayElements(fields.get("outputs")!, "outputs");
  } catch (error) {
    if (!(error instanceof RawJsonError)) throw error;
    throw new RecordFieldError(error.field ? `input_output.${error.field}` : "input_output", `invalid JSON (${error.message})`);
  }
  if (outputs.length !== inputs.length)
    throw new RecordFieldError(
      "input_output.outputs",
      `expected ${inputs.length} items to match input_output.inputs, got ${outputs.length}`,
    );
  const rawName = fields.get("fn_name");
  let fnName: string | null = null;
  if (rawName !== undefined && rawName !== "null") {
    const name = jsonValue(rawName, "input_output.fn_name");
    if (typeof name !== "string" || !/^[A-Za-z_]\w*$/.test(name))
      throw new RecordFieldError("input_output.fn_name", `expected a Python function name, got ${rawName.slice(0, 60)}`);
    fnName = name;
  }
  return { fnName, inputs, outputs };
}

function jsonValue(raw: string, field: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    // Python's json (the graders' reader) also takes bare Infinity/NaN; only the sandbox decodes call values
    if (/\b(-?Infinity|NaN)\b/.test(raw)) return undefined;
    throw new RecordFieldError(field, `invalid JSON (${(error as Error).message})`);
  }
}

/** A stdin test's input or output: a string, or a list of lines the graders join with "\n". */
function stdinText(raw: string, field: string): string {
  const value = jsonValue(raw, field);
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join("\n");
  throw new RecordFieldError(field, `expected a string or a list of strings for a stdin problem, got ${raw.slice(0, 60)}`);
}

function stdinTests(io: IoTests): TestCase[] {
  return io.inputs.map((raw, i) => ({
    input: stdinText(raw, `input_output.inputs[${i}]`),
    output: stdinText(io.outputs[i], `input_output.outputs[${i}]`),
  }));
}

function callTests(io: IoTests, entry: string): TestCase[] {
  return io.inputs.map((raw, i) => {
    const field = `input_output.inputs[${i}]`;
    jsonValue(raw, field);
    jsonValue(io.outputs[i], `input_output.outputs[${i}]`);
    let args: string[];
    try {
      args = rawArrayElements(raw, field);
    } catch {
      throw new RecordFieldError(field, `expected the list of arguments of ${io.fnName}, got ${raw.slice(0, 60)}`);
    }
    const shown = `${io.fnName}(${args.join(", ")})`;
    return functionTestCase({
      mode: "call",
      entry,
      show: shown.length > 300 ? `${shown.slice(0, 297)}...` : shown,
      args: raw,
      deserialize: "apps",
      expected: { json: io.outputs[i] },
      oracle: "apps",
      preamble: APPS_CALL_PREAMBLE,
    });
  });
}

function referencePrograms(solutions: AppsRow["solutions"]): string[] {
  if (solutions === null || solutions === undefined || (typeof solutions === "string" && solutions.trim() === "")) return [];
  let list: unknown = solutions;
  if (typeof solutions === "string") {
    try {
      list = JSON.parse(solutions);
    } catch (error) {
      throw new RecordFieldError("solutions", `invalid JSON (${(error as Error).message})`);
    }
  }
  if (!Array.isArray(list)) throw new RecordFieldError("solutions", "expected a JSON list of programs");
  const bad = list.findIndex((s) => typeof s !== "string");
  if (bad >= 0) throw new RecordFieldError(`solutions[${bad}]`, "expected a program (a string)");
  return (list as string[]).filter((s) => s.trim() !== "").slice(0, MAX_REFERENCES);
}

/** The externalId: APPS' problem_id; TACO has no id, so a digest of the statement (the same row, the same id). */
export function appsExternalId(row: Pick<AppsRow, "problem_id" | "question" | "url">, flavor: AppsFlavor): string {
  if (flavor === "apps") {
    if (row.problem_id === undefined) throw new RecordFieldError("problem_id", "missing (expected an integer)");
    return String(row.problem_id);
  }
  return `taco-${createHash("sha256")
    .update(`${row.url ?? ""}\n${row.question}`)
    .digest("hex")
    .slice(0, 16)}`;
}

export function parseAppsRow(line: string, flavor: AppsFlavor): ProblemRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new RecordFieldError(null, `invalid JSON (${(error as Error).message})`);
  }
  return parseAppsObject(value, flavor);
}

/** A decoded row (a JSONL line's object, or a Parquet row as hyparquet gives it). */
export function parseAppsObject(value: unknown, flavor: AppsFlavor): ProblemRecord {
  const parsed = rowSchema.safeParse(value);
  if (!parsed.success) throw RecordFieldError.fromZod(parsed.error);
  return appsRecord(parsed.data, flavor);
}

function appsRecord(row: AppsRow, flavor: AppsFlavor): ProblemRecord {
  const io = parseInputOutput(row.input_output);
  const starter = row.starter_code ?? "";
  const references = referencePrograms(row.solutions);
  // the graders call Solution().<fn_name> when the program defines class Solution (LeetCode), else the function
  const usesClass = /\bclass Solution\b/.test(starter) || (starter.trim() === "" && references.some((s) => /\bclass Solution\b/.test(s)));
  const tests = io === null ? [] : io.fnName === null ? stdinTests(io) : callTests(io, usesClass ? `Solution.${io.fnName}` : io.fnName);
  const severalAnswers = io?.fnName === null && SEVERAL_ANSWERS.test(row.question);
  const { timeLimitMs, memoryLimitBytes } = appsLimits(row.time_limit, row.memory_limit);
  const externalId = appsExternalId(row, flavor);
  const platform = row.source ?? platformOf(row.url);
  const record: ProblemRecord = {
    externalId,
    name: row.name?.trim() || (flavor === "apps" ? `APPS ${externalId}` : externalId),
    description: starter.trim() ? `${row.question}\n\n${starter}` : row.question,
    // the first test is the in-loop (public) one; every test is scored, as both graders score input_output whole
    publicTests: tests.slice(0, 1),
    privateTests: tests,
    generatedTests: [],
    timeLimitMs,
    memoryLimitBytes,
    difficulty: row.difficulty ?? null,
    rating: null,
    tags: [
      flavor,
      ...(platform ? [`source:${platform}`] : []),
      ...(row.url ? [`url:${row.url}`] : []),
      ...(io?.fnName ? [`fn_name:${io.fnName}`] : []),
      ...pythonListLiteral(row.tags, "tags"),
      ...pythonListLiteral(row.skill_types, "skill_types").map((s) => `skill:${s}`),
      ...(row["Expected Time Complexity"] ? [`expected_time:${row["Expected Time Complexity"]}`] : []),
      ...(row["Expected Auxiliary Space"] ? [`expected_space:${row["Expected Auxiliary Space"]}`] : []),
      ...(severalAnswers ? [NEEDS_CHECKER_TAG, "checker:several-answers"] : []),
    ],
    referenceSolutions: references.map((code) => ({ language: "python3", code })),
    wrongSolutions: [],
    source: flavor,
  };
  const scan = scanText(record);
  if (scan.bad) throw new RecordFieldError(scan.bad.field, scan.bad.detail);
  return record;
}

function platformOf(url: string | null | undefined): string | null {
  const host = url?.match(/^https?:\/\/(?:www\.)?([^/]+)/)?.[1];
  return host ? host.replace(/\.(com|org|net|jp|io)$/, "") : null;
}
