import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleCodeContestsRow } from "./codecontests-fixtures";
import { ProblemFileError } from "./problem-file-error";
import { readAllProblems, readProblemsFile } from "./read-problems-file";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rlef-problems-"));
});

function writeLines(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

async function failure(path: string, options?: Parameters<typeof readAllProblems>[1]): Promise<ProblemFileError> {
  try {
    await readAllProblems(path, options);
  } catch (error) {
    if (error instanceof ProblemFileError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to fail`);
}

const ours = { externalId: "own-1", name: "Own", description: "Say hi.", publicTests: [{ input: "", output: "hi\n" }] };

describe("readProblemsFile, JSONL", () => {
  it("reads CodeContests rows and our records line by line with editor line numbers", async () => {
    const path = writeLines("mixed.jsonl", [
      "\uFEFF" + JSON.stringify(sampleCodeContestsRow(0)),
      "",
      JSON.stringify(ours) + "\r",
      JSON.stringify(sampleCodeContestsRow(1)),
    ]);
    const problems = await readAllProblems(path);
    expect(problems.map((p) => [p.row, p.record.externalId])).toEqual([
      [1, sampleCodeContestsRow(0).name],
      [3, "own-1"],
      [4, sampleCodeContestsRow(1).name],
    ]);
  });

  it("reads gzip-compressed JSONL, detected from its magic bytes", async () => {
    const path = join(dir, "rows.jsonl.gz");
    writeFileSync(path, gzipSync([0, 1, 2].map((i) => JSON.stringify(sampleCodeContestsRow(i))).join("\n")));
    const problems = await readAllProblems(path);
    expect(problems.map((p) => p.record.publicTests[0].input)).toEqual(["0\n", "1\n", "2\n"]);
  });

  it("streams: a consumer can stop early without reading the rest", async () => {
    const path = writeLines(
      "many.jsonl",
      [...Array(50)].map((_, i) => JSON.stringify(sampleCodeContestsRow(i))),
    );
    const seen: number[] = [];
    for await (const problem of readProblemsFile(path)) {
      seen.push(problem.row);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([1, 2]);
  });

  it("names the line of bad JSON", async () => {
    const path = writeLines("data.jsonl", [
      JSON.stringify(sampleCodeContestsRow(0)),
      JSON.stringify(sampleCodeContestsRow(1)),
      '{"name": "oops",',
    ]);
    const error = await failure(path);
    expect(error.location).toEqual({ line: 3 });
    expect(error.message).toMatch(/data\.jsonl line 3: invalid JSON/);
  });

  it("names line and field for a length mismatch, a missing field and a wrong type", async () => {
    const lines = [...Array(17)].map((_, i) => JSON.stringify(sampleCodeContestsRow(i)));
    const short = sampleCodeContestsRow(16);
    short.private_tests.input = [...Array(12)].map((_, i) => `${i}\n`);
    short.private_tests.output = [...Array(11)].map((_, i) => `${i}\n`);
    lines[16] = JSON.stringify(short);
    const mismatch = await failure(writeLines("data.jsonl", lines));
    expect(mismatch.message).toBe(
      `${join(dir, "data.jsonl")} line 17, field private_tests.output: expected 12 items to match private_tests.input, got 11`,
    );

    const { public_tests: _dropped, ...missing } = sampleCodeContestsRow(5);
    const missingError = await failure(
      writeLines("missing.jsonl", [JSON.stringify({ ...missing, publicTests: undefined, externalId: "e" })]),
      { format: "codecontests-jsonl" },
    );
    expect(missingError.message).toMatch(/missing\.jsonl line 1, field public_tests: /);

    const wrongType = { ...sampleCodeContestsRow(2), time_limit: { seconds: "2", nanos: 0 } };
    const typeError = await failure(writeLines("types.jsonl", [JSON.stringify(sampleCodeContestsRow(1)), JSON.stringify(wrongType)]));
    expect(typeError.message).toMatch(/types\.jsonl line 2, field time_limit\.seconds: .*number/);
  });

  it("refuses a second problem with the same id, naming both lines", async () => {
    const row = JSON.stringify(sampleCodeContestsRow(4));
    const error = await failure(writeLines("dupes.jsonl", [row, JSON.stringify(sampleCodeContestsRow(5)), row]));
    expect(error.message).toMatch(/dupes\.jsonl line 3, field name: duplicate problem ".*" \(first on line 1\)/);
    expect(await readAllProblems(join(dir, "dupes.jsonl"), { allowDuplicateIds: true })).toHaveLength(3);
  });

  it("holds each line to the format asked for", async () => {
    const path = writeLines("ours.jsonl", [JSON.stringify(ours), JSON.stringify(sampleCodeContestsRow(0))]);
    expect((await failure(path, { format: "jsonl" })).message).toMatch(/line 2, field externalId/);
    expect((await failure(path, { format: "codecontests-jsonl" })).message).toMatch(/line 1, field public_tests: missing/);
  });

  it("reports a truncated gzip file and a missing file", async () => {
    const whole = gzipSync([...Array(200)].map((_, i) => JSON.stringify(sampleCodeContestsRow(i))).join("\n"));
    const path = join(dir, "cut.jsonl.gz");
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
    expect((await failure(path)).message).toMatch(/cut\.jsonl\.gz: cannot read past line \d+/);
    expect((await failure(join(dir, "absent.jsonl"))).message).toMatch(/absent\.jsonl: cannot read/);
  });

  it("refuses a JSONL format for a Parquet file", async () => {
    const path = join(dir, "fake.jsonl");
    writeFileSync(path, Buffer.concat([Buffer.from("PAR1"), readFileSync(join(dir, "ours.jsonl"))]));
    expect((await failure(path, { format: "jsonl" })).message).toMatch(/is a Parquet file/);
  });
});
