import { readFile } from "node:fs/promises";
import { asyncBufferFromFile, parquetMetadataAsync } from "hyparquet";
import { createReadStream } from "node:fs";
import { createGunzip, gunzipSync } from "node:zlib";
import type { HarnessJobOptions } from "../function-tasks/harness-jobs";
import { ProblemFileError, RecordFieldError } from "../problems/problem-file-error";
import type { FunctionTaskDraft } from "./function-task-draft";
import { parseHumanEvalRow, parseMbppRow } from "./original-rows";
import { readLiveCodeBenchFile } from "./livecodebench";
import { readAppsFile } from "./read-apps-file";
import type { NumberedProblem } from "../problems/read-jsonl-problems";
import { parseEvalPlusLine } from "./evalplus-row";
import { materializeFunctionTasks, type NumberedDraft } from "./materialize-function-tasks";
import { readBenchmarkLines, isGzip, isParquet } from "./read-benchmark-lines";
import { wrongVariants } from "./wrong-variants";
import type { BenchmarkFormat } from "./benchmark-formats";

/**
 * Which benchmark format a file is in, from the keys of its first record; null when it is none of them
 * (a CodeContests row or one of our records: the existing readers take it).
 */
export async function detectBenchmarkFormat(file: string): Promise<BenchmarkFormat | null> {
  const columns = await parquetColumns(file);
  // of the benchmark formats only APPS/TACO are read from Parquet (the Hub's conversion of them)
  if (columns) return columns.has("question") && columns.has("input_output") ? (columns.has("problem_id") ? "apps" : "taco") : null;
  const keys = await firstRecordKeys(file);
  if (keys === null) return null;
  if (keys.has("task_id") && keys.has("entry_point") && keys.has("base_input")) return "evalplus";
  // original HumanEval, and HumanEvalPlus-OriginFmt (the same five keys; told apart per row)
  if (keys.has("task_id") && keys.has("entry_point") && keys.has("canonical_solution") && keys.has("test")) return "humaneval";
  if (keys.has(ARRAY_FILE) && keys.has("test_list")) return "mbpp-sanitized";
  if (keys.has("test_list") && keys.has("code") && keys.has("text")) return "mbpp";
  if (keys.has("test_list") && keys.has("code") && keys.has("test")) return "mbppplus-originfmt";
  if (keys.has("question_content") && keys.has("public_test_cases")) return "livecodebench";
  // APPS and TACO share their shape; APPS rows have problem_id, TACO rows none. A row's solutions can run
  // past the 64 KiB read here, so input_output (after them in both) may not be seen
  if (keys.has("question") && (keys.has("input_output") || keys.has("solutions"))) return keys.has("problem_id") ? "apps" : "taco";
  return null;
}

/** The benchmark rows of a file as validated problem records; the sandbox computes what needs Python. */
export async function readBenchmarkFile(
  file: string,
  format: BenchmarkFormat,
  options: HarnessJobOptions = {},
): Promise<NumberedProblem[]> {
  if (format === "livecodebench") return readLiveCodeBenchFile(file, options);
  if (format === "apps" || format === "taco") return readAppsFile(file, format);
  const drafts = await readDrafts(file, format);
  checkDuplicates(file, drafts);
  const problems = await materializeFunctionTasks(file, drafts, options);
  for (const [i, { record }] of problems.entries()) {
    const { draft } = drafts[i];
    if (draft.reference !== null)
      record.wrongSolutions = wrongVariants(draft.reference, draft.entryPoint).map((code) => ({ language: "python3", code }));
  }
  return problems;
}

async function readDrafts(file: string, format: BenchmarkFormat): Promise<NumberedDraft[]> {
  const numbered = (rows: { row: number; value: FunctionTaskDraft }[]) => rows.map(({ row, value }) => ({ row, draft: value }));
  const json = (line: string): unknown => {
    try {
      return JSON.parse(line);
    } catch (error) {
      throw new RecordFieldError(null, `invalid JSON (${(error as Error).message})`);
    }
  };
  switch (format) {
    case "evalplus":
      return numbered(await readBenchmarkLines(file, parseEvalPlusLine));
    case "humaneval":
      return numbered(await readBenchmarkLines(file, (line) => parseHumanEvalRow(json(line))));
    case "mbpp":
      return numbered(await readBenchmarkLines(file, (line) => parseMbppRow(json(line), "full")));
    case "mbppplus-originfmt":
      return numbered(await readBenchmarkLines(file, (line) => parseMbppRow(json(line), "originfmt")));
    case "livecodebench":
    case "apps":
    case "taco":
      throw new Error(`${format} rows are read by their own reader`);
    case "mbpp-sanitized": {
      // one JSON array, not JSONL: each element is reported as a row (1-based)
      let items: unknown;
      try {
        items = JSON.parse((await isGzip(file)) ? gunzipSync(await readFile(file)).toString("utf8") : await readFile(file, "utf8"));
      } catch (error) {
        throw new ProblemFileError(file, null, null, `invalid JSON (${(error as Error).message})`);
      }
      if (!Array.isArray(items)) throw new ProblemFileError(file, null, null, "expected a JSON array of problems");
      return items.map((item, i) => {
        try {
          return { row: i + 1, draft: parseMbppRow(item, "sanitized") };
        } catch (error) {
          if (error instanceof RecordFieldError) throw new ProblemFileError(file, { row: i + 1 }, error.field, error.detail);
          throw error;
        }
      });
    }
  }
}

function checkDuplicates(file: string, drafts: NumberedDraft[]): void {
  const seen = new Map<string, number>();
  for (const { row, draft } of drafts) {
    const earlier = seen.get(draft.externalId);
    if (earlier !== undefined)
      throw new ProblemFileError(file, { line: row }, "task_id", `duplicate problem "${draft.externalId}" (first on line ${earlier})`);
    seen.set(draft.externalId, row);
  }
}

/** The keys of the first record (and whether the file is one JSON array, as sanitized MBPP is). */
async function firstRecordKeys(file: string): Promise<Set<string> | null> {
  const head = await firstRecordText(file);
  if (head === null) return null;
  const keys = new Set([...head.matchAll(/"([A-Za-z_]+)"\s*:/g)].map((m) => m[1]));
  if (head.trimStart().startsWith("[")) keys.add(ARRAY_FILE);
  return keys;
}

/** Not a JSON key (it has a space): marks a file that is one JSON array. */
const ARRAY_FILE = "json array";

/** A Parquet file's column names from its footer (APPS/TACO as the Hub converts them); null when not Parquet. */
async function parquetColumns(file: string): Promise<Set<string> | null> {
  try {
    if (!(await isParquet(file))) return null;
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
    return new Set(metadata.schema.slice(1).map((column) => column.name));
  } catch {
    return null; // the CodeContests reader reports what is wrong with it
  }
}

/** The first 64 KiB of the file's text, gunzipped when needed (a multi-GB CodeContests file is never read whole). */
async function firstRecordText(file: string): Promise<string | null> {
  const limit = 1 << 16;
  let gzip: boolean;
  try {
    gzip = await isGzip(file);
  } catch {
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = gzip ? createReadStream(file).pipe(createGunzip()) : createReadStream(file, { end: limit - 1 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) {
        stream.destroy();
        break;
      }
    }
  } catch {
    if (size === 0) return null;
  }
  const text = Buffer.concat(chunks).subarray(0, limit).toString("utf8");
  return text.trimStart().startsWith("PAR1") ? null : text;
}
