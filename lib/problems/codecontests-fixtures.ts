/**
 * Test support: CodeContests rows shaped exactly like Hugging Face's
 * deepmind/code_contests, and a Parquet writer using the dataset's own column
 * layout (pyarrow's struct<list<…>> nesting, int64 ClassLabels), so reader
 * tests exercise what the published shards contain. Uses hyparquet-writer,
 * a dev dependency: import this from tests only.
 */
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { parquetWriteBuffer } from "hyparquet-writer";

export interface CodeContestsFixtureRow {
  name: string;
  description: string;
  public_tests: { input: string[]; output: string[] };
  private_tests: { input: string[]; output: string[] };
  generated_tests: { input: string[]; output: string[] };
  source: number;
  difficulty: number;
  solutions: { language: number[]; solution: string[] };
  incorrect_solutions: { language: number[]; solution: string[] };
  cf_contest_id: number;
  cf_index: string;
  cf_points: number;
  cf_rating: number;
  cf_tags: string[];
  is_description_translated: boolean;
  untranslated_description: string;
  time_limit: { seconds: number; nanos: number } | null;
  memory_limit_bytes: number;
  input_file: string;
  output_file: string;
}

/** A small valid row; `i` varies names, tests and limits. */
export function sampleCodeContestsRow(i: number): CodeContestsFixtureRow {
  return {
    name: `${1000 + i}_A. Double It ${i}`,
    description: `Read n and print 2·n.\n\nProblem ${i}.`,
    public_tests: { input: [`${i}\n`], output: [`${2 * i}\n`] },
    private_tests: { input: [`${i + 1}\n`, `${i + 2}\n`], output: [`${2 * i + 2}\n`, `${2 * i + 4}\n`] },
    generated_tests: { input: [`${i + 3}\n`], output: [`${2 * i + 6}\n`] },
    source: 2,
    difficulty: 7 + (i % 3),
    solutions: { language: [3, 2], solution: ["print(int(input()) * 2)\n", "#include <cstdio>\nint main(){}\n"] },
    incorrect_solutions: { language: [3], solution: ["print(int(input()) + 2)\n"] },
    cf_contest_id: 1000 + i,
    cf_index: "A",
    cf_points: 500,
    cf_rating: i % 2 ? 800 + 100 * i : 0,
    cf_tags: ["math", "implementation"],
    is_description_translated: false,
    untranslated_description: "",
    time_limit: i % 4 === 3 ? null : { seconds: 1 + (i % 2), nanos: 500_000_000 },
    memory_limit_bytes: 256_000_000,
    input_file: "",
    output_file: "",
  };
}

const utf8 = (name: string) => ({
  name,
  type: "BYTE_ARRAY" as const,
  converted_type: "UTF8" as const,
  repetition_type: "OPTIONAL" as const,
});
const int64 = (name: string) => ({ name, type: "INT64" as const, repetition_type: "OPTIONAL" as const });
const listOf = (name: string, element: ReturnType<typeof utf8> | ReturnType<typeof int64>) => [
  { name, repetition_type: "OPTIONAL" as const, converted_type: "LIST" as const, num_children: 1 },
  { name: "list", repetition_type: "REPEATED" as const, num_children: 1 },
  { ...element, name: "element" },
];
const testsGroup = (name: string) => [
  { name, repetition_type: "OPTIONAL" as const, num_children: 2 },
  ...listOf("input", utf8("")),
  ...listOf("output", utf8("")),
];
const solutionsGroup = (name: string) => [
  { name, repetition_type: "OPTIONAL" as const, num_children: 2 },
  ...listOf("language", int64("")),
  ...listOf("solution", utf8("")),
];

/** The dataset's Parquet schema (as pyarrow writes the Hugging Face features). */
const CODECONTESTS_SCHEMA = [
  { name: "schema", num_children: 20 },
  utf8("name"),
  utf8("description"),
  ...testsGroup("public_tests"),
  ...testsGroup("private_tests"),
  ...testsGroup("generated_tests"),
  int64("source"),
  int64("difficulty"),
  ...solutionsGroup("solutions"),
  ...solutionsGroup("incorrect_solutions"),
  int64("cf_contest_id"),
  utf8("cf_index"),
  { name: "cf_points", type: "FLOAT" as const, repetition_type: "OPTIONAL" as const },
  int64("cf_rating"),
  ...listOf("cf_tags", utf8("")),
  { name: "is_description_translated", type: "BOOLEAN" as const, repetition_type: "OPTIONAL" as const },
  utf8("untranslated_description"),
  { name: "time_limit", repetition_type: "OPTIONAL" as const, num_children: 2 },
  int64("seconds"),
  int64("nanos"),
  int64("memory_limit_bytes"),
  utf8("input_file"),
  utf8("output_file"),
];

const INT64_COLUMNS = new Set(["source", "difficulty", "cf_contest_id", "cf_rating", "memory_limit_bytes"]);

function toInt64Column(name: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (INT64_COLUMNS.has(name)) return BigInt(value as number);
  if (name === "solutions" || name === "incorrect_solutions") {
    const s = value as { language: number[]; solution: string[] };
    return { language: s.language.map((l) => BigInt(l)), solution: s.solution };
  }
  if (name === "time_limit") {
    const t = value as { seconds: number; nanos: number };
    return { seconds: BigInt(t.seconds), nanos: BigInt(t.nanos) };
  }
  return value;
}

/**
 * Writes rows (which may be deliberately broken, hence the loose type) as a
 * CodeContests Parquet file. Small row groups let tests cross group borders.
 */
export function writeCodeContestsParquet(
  path: string,
  rows: readonly object[],
  options: { rowGroupSize?: number; codec?: "SNAPPY" | "GZIP" | "UNCOMPRESSED" } = {},
): void {
  // The sample row's keys are the top-level columns, in schema order.
  const columns = Object.keys(sampleCodeContestsRow(0));
  const buffer = parquetWriteBuffer({
    schema: CODECONTESTS_SCHEMA,
    columnData: columns.map((name) => ({ name, data: rows.map((row) => toInt64Column(name, (row as Record<string, unknown>)[name])) })),
    rowGroupSize: options.rowGroupSize ?? 1000,
    codec: options.codec ?? "SNAPPY",
    compressors: { GZIP: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes)) },
  } as Parameters<typeof parquetWriteBuffer>[0]);
  writeFileSync(path, new Uint8Array(buffer));
}
