import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createGzip } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "../db/client";
import { sampleCodeContestsRow, writeCodeContestsParquet } from "../problems/codecontests-fixtures";
import { importProblemsFile } from "./import-problems";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../problems/import-limits";
import { ProblemFileError } from "../problems/problem-file-error";

// Issue 13.7: hostile and broken files end in an error naming file, line/row and field, with nothing
// written, in bounded memory and time; limits past the configured maxima are lowered and reported.
const db = getPrisma();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-bounds-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
const MIB = 1024 * 1024;
const small: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, maxRecordBytes: 1 * MIB, maxDecompressedBytes: 8 * MIB, maxRowGroupBytes: 2 * MIB };

function writeJsonl(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}
const row = (i: number, patch: Record<string, unknown> = {}) => JSON.stringify({ ...sampleCodeContestsRow(i), ...patch });

/** A gzip file of `bytes` bytes made of `unit` repeated, written streaming (it is never in memory). */
async function gzipBomb(name: string, unit: string, bytes: number): Promise<string> {
  // level 1: the test's time goes into reading the bomb, not making it
  const file = path.join(dir, name);
  const chunk = Buffer.from(unit.repeat(Math.ceil((1 * MIB) / unit.length)));
  let left = bytes;
  const source = Readable.from(
    (function* () {
      while (left > 0) {
        const piece = chunk.subarray(0, Math.min(chunk.length, left));
        left -= piece.length;
        yield piece;
      }
    })(),
  );
  await pipeline(source, createGzip({ level: 1 }), fs.createWriteStream(file));
  return file;
}

async function rejection(file: string, limits?: ImportLimits): Promise<ProblemFileError> {
  const dataset = unique("bounds");
  const before = await db.dataset.count();
  const error = await importProblemsFile(db, file, { dataset, split: "test", limits }).then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(ProblemFileError);
  // nothing half-written: no dataset, no problems
  expect(await db.dataset.count()).toBe(before);
  expect(await db.dataset.count({ where: { name: dataset } })).toBe(0);
  return error as ProblemFileError;
}

describe("importer bounds", () => {
  it("refuses a NUL byte and a lone surrogate, naming file, line and field", async () => {
    const nul = writeJsonl("nul.jsonl", [row(0), row(1, { description: "Print\u0000 the sum." })]);
    expect((await rejection(nul)).message).toBe(`${nul} line 2, field description: contains a NUL byte (U+0000) at character 5`);
    const lone = writeJsonl("surrogate.jsonl", [
      row(0),
      row(1),
      `{"name":"x","description":"d","public_tests":{"input":["\\ud800"],"output":["1"]},"private_tests":{"input":[],"output":[]}}`,
    ]);
    expect((await rejection(lone)).message).toBe(
      `${lone} line 3, field public_tests.input[0]: contains a lone surrogate (U+D800) at character 0, which is not valid Unicode`,
    );
    const bytes = path.join(dir, "latin1.jsonl");
    fs.writeFileSync(
      bytes,
      Buffer.concat([Buffer.from(row(0) + "\n"), Buffer.from('{"name":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]),
    );
    expect((await rejection(bytes)).message).toBe(`${bytes} line 2: is not valid UTF-8`);
  });

  it("refuses out-of-range numbers naming the field, and clamps limits past the maxima, reporting each", async () => {
    const rating = writeJsonl("rating.jsonl", [row(0, { cf_rating: 1e12 })]);
    expect((await rejection(rating)).message).toMatch(/rating\.jsonl line 1, field rating: 1000000000000 is out of range/);
    const huge = writeJsonl("huge.jsonl", [row(0, { memory_limit_bytes: 1e300 })]);
    expect((await rejection(huge)).message).toMatch(/huge\.jsonl line 1, field memory_limit_bytes: /);

    const file = writeJsonl("limits.jsonl", [
      row(0, { memory_limit_bytes: 1e15 }),
      row(1, { time_limit: { seconds: 1e9, nanos: 0 } }),
      row(2),
    ]);
    const dataset = unique("clamped");
    const result = await importProblemsFile(db, file, { dataset, split: "test" });
    expect(result.created).toBe(3);
    expect(result.clamped).toEqual({
      count: 2,
      examples: [
        { externalId: "1000_A. Double It 0", field: "memoryLimitBytes", from: 1e15, to: DEFAULT_IMPORT_LIMITS.maxMemoryLimitBytes },
        { externalId: "1001_A. Double It 1", field: "timeLimitMs", from: 1e12, to: DEFAULT_IMPORT_LIMITS.maxTimeLimitMs },
      ],
    });
    const stored = await db.problem.findMany({
      where: { dataset: { name: dataset } },
      orderBy: { externalId: "asc" },
      select: { memoryLimitBytes: true, timeLimitMs: true },
    });
    expect(stored.map((p) => [p.memoryLimitBytes, p.timeLimitMs])).toEqual([
      [4096 * MIB, 1500],
      [256_000_000, 60_000],
      [256_000_000, 1500],
    ]);
  });

  it("refuses an empty file (or one of blank lines): no empty dataset", async () => {
    const empty = path.join(dir, "empty.jsonl");
    fs.writeFileSync(empty, "");
    expect((await rejection(empty)).message).toMatch(/empty\.jsonl: holds no problems/);
    expect((await rejection(writeJsonl("blank.jsonl", ["", "  ", ""]))).message).toMatch(/holds no problems/);
  });

  it("stops a gzip bomb at the line cap and at the decompressed cap, quickly", async () => {
    const t0 = Date.now();
    const oneLine = await gzipBomb("one-line.jsonl.gz", "a", 64 * MIB);
    expect((await rejection(oneLine, small)).message).toBe(
      `${oneLine} line 1: longer than 1 MiB (RLEF_IMPORT_MAX_RECORD_MB raises the cap)`,
    );
    const blank = await gzipBomb("blank-lines.jsonl.gz", " \r\n", 64 * MIB);
    expect((await rejection(blank, small)).message).toMatch(
      /blank-lines\.jsonl\.gz line \d+: more than 8 MiB after decompression \(RLEF_IMPORT_MAX_DECOMPRESSED_MB/,
    );
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it("refuses a Parquet row group past its cap before decoding, and a row whose repeated text is past the record cap", async () => {
    const big = path.join(dir, "big-group.parquet");
    writeCodeContestsParquet(
      big,
      [0, 1, 2].map((i) => ({ ...sampleCodeContestsRow(i), description: `${i}`.repeat(1 * MIB) })),
      { codec: "GZIP" },
    );
    expect(fs.statSync(big).size).toBeLessThan(100_000);
    expect((await rejection(big, small)).message).toMatch(
      /big-group\.parquet: row group 1 \(rows 1–3\) is [\d.]+ MiB uncompressed, more than the 2 MiB one row group may take \(RLEF_IMPORT_MAX_ROW_GROUP_MB/,
    );

    // one dictionary entry shared by every row: tiny pages, but each row holds 1.5 MiB of text
    const shared = "x".repeat(1.5 * MIB);
    const dict = path.join(dir, "dictionary.parquet");
    writeCodeContestsParquet(
      dict,
      [0, 1].map((i) => ({ ...sampleCodeContestsRow(i), description: shared })),
      { codec: "GZIP" },
    );
    expect((await rejection(dict, { ...small, maxRowGroupBytes: 64 * MIB })).message).toMatch(
      /dictionary\.parquet row 1 \(index 0\): holds 1\.5 MiB of text, more than the 1 MiB one record may take/,
    );
  });

  it("through the CLI with the default caps: a 1 GiB one-line gzip bomb is an error naming the line (it used to crash the CLI)", async () => {
    const bomb = await gzipBomb("default-caps.jsonl.gz", "a", 1024 * MIB);
    const t0 = Date.now();
    const run = promisify(execFile)(process.execPath, ["bin/rlef.js", "import", bomb, "--dataset", unique("cli-bomb")], {
      env: process.env,
      maxBuffer: 10 * MIB,
    });
    const failure = await run.then(
      () => null,
      (e) => e as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain(
      `import failed, nothing was written: ${bomb} line 1: longer than 128 MiB (RLEF_IMPORT_MAX_RECORD_MB raises the cap)`,
    );
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 120_000);
});
