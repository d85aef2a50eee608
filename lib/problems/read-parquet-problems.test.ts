import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleCodeContestsRow, writeCodeContestsParquet } from "./codecontests-fixtures";
import { ProblemFileError } from "./problem-file-error";
import { readAllProblems } from "./read-problems-file";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rlef-parquet-"));
});

async function failure(path: string, options?: Parameters<typeof readAllProblems>[1]): Promise<ProblemFileError> {
  try {
    await readAllProblems(path, options);
  } catch (error) {
    if (error instanceof ProblemFileError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to fail`);
}

const rows = [...Array(7)].map((_, i) => sampleCodeContestsRow(i));

describe("readProblemsFile, Parquet", () => {
  it("reads nested CodeContests columns across row groups, the same as the JSONL of the same rows", async () => {
    const parquetPath = join(dir, "train-00000-of-00001.parquet");
    writeCodeContestsParquet(parquetPath, rows, { rowGroupSize: 3 });
    const jsonlPath = join(dir, "train.jsonl");
    writeFileSync(jsonlPath, rows.map((r) => JSON.stringify(r)).join("\n"));

    const fromParquet = await readAllProblems(parquetPath);
    const fromJsonl = await readAllProblems(jsonlPath);
    expect(fromParquet.map((p) => p.row)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(fromParquet).toEqual(fromJsonl);
    // int64 columns (BigInt in hyparquet) arrive as plain numbers
    expect(fromParquet[1].record).toMatchObject({ memoryLimitBytes: 256_000_000, rating: 900, timeLimitMs: 2500, difficulty: "B" });
    expect(fromParquet[3].record.timeLimitMs).toBeNull();
  });

  it("detects Parquet by content whatever the extension, and decodes gzip pages", async () => {
    const path = join(dir, "problems.bin");
    writeCodeContestsParquet(path, rows.slice(0, 2), { codec: "GZIP" });
    const problems = await readAllProblems(path);
    expect(problems.map((p) => p.record.privateTests.length)).toEqual([2, 2]);
  });

  it("names the row (and its 0-based index) and field of an invalid row", async () => {
    const broken = rows.map((r) => structuredClone(r));
    broken[4].private_tests.output.pop();
    const path = join(dir, "broken.parquet");
    writeCodeContestsParquet(path, broken, { rowGroupSize: 3 });
    const error = await failure(path);
    expect(error.location).toEqual({ row: 5 });
    expect(error.message).toBe(`${path} row 5 (index 4), field private_tests.output: expected 2 items to match private_tests.input, got 1`);
  });

  it("names a null required column", async () => {
    const path = join(dir, "nulls.parquet");
    writeCodeContestsParquet(path, [rows[0], { ...rows[1], description: null }]);
    expect((await failure(path)).message).toMatch(/nulls\.parquet row 2 \(index 1\), field description: /);
  });

  it("refuses a file that is not Parquet, or a truncated one", async () => {
    const notParquet = join(dir, "text.parquet");
    writeFileSync(notParquet, "name,description\n");
    expect((await failure(notParquet, { format: "parquet" })).message).toMatch(/text\.parquet: not a Parquet file/);

    const whole = readFileSync(join(dir, "train-00000-of-00001.parquet"));
    const truncated = join(dir, "truncated.parquet");
    writeFileSync(truncated, whole.subarray(0, whole.length - 100));
    expect((await failure(truncated)).message).toMatch(/truncated\.parquet: not a readable Parquet file/);
  });
});
