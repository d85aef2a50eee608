import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { getPrisma } from "../db/client";
import { sampleCodeContestsRow, writeCodeContestsParquet } from "../problems/codecontests-fixtures";
import { importProblemsFile } from "./import-problems";
import { ProblemFileError } from "../problems/problem-file-error";

const db = getPrisma();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-import-"));
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => sampleCodeContestsRow(from + i));
const writeJsonl = (file: string, items: object[]) => fs.writeFileSync(file, items.map((r) => JSON.stringify(r)).join("\n") + "\n");
const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

describe("importProblemsFile", () => {
  it("imports CodeContests JSONL with every field, and a second import of the same file is a no-op", async () => {
    const file = path.join(dir, "cc.jsonl");
    writeJsonl(file, rows(5));
    const dataset = unique("cc-jsonl");
    const first = await importProblemsFile(db, file, { dataset, split: "valid" });
    expect(first).toMatchObject({ created: 5, alreadyImported: false });
    const again = await importProblemsFile(db, file, { dataset, split: "valid" });
    expect(again).toMatchObject({ created: 0, alreadyImported: true });
    const problems = await db.problem.findMany({ where: { dataset: { name: dataset } }, orderBy: { externalId: "asc" } });
    expect(problems).toHaveLength(5);
    const p = problems[1];
    expect(p).toMatchObject({
      externalId: "1001_A. Double It 1",
      split: "valid",
      timeLimitMs: 2500,
      memoryLimitBytes: 256_000_000,
      publicTestCount: 1,
      privateTestCount: 2,
      generatedTestCount: 1,
    });
    expect(p.privateTests).toEqual([
      { input: "2\n", output: "4\n" },
      { input: "3\n", output: "6\n" },
    ]);
    expect((p.referenceSolutions as { language: string }[]).length).toBeGreaterThan(0);
    expect((await db.dataset.findUniqueOrThrow({ where: { name: dataset } })).problemCount).toBe(5);
  });

  it("imports the same rows from a Parquet file as published", async () => {
    const file = path.join(dir, "cc.parquet");
    writeCodeContestsParquet(file, rows(7), { rowGroupSize: 3 });
    const dataset = unique("cc-parquet");
    expect(await importProblemsFile(db, file, { dataset, split: "test" })).toMatchObject({ created: 7 });
    const p = await db.problem.findFirstOrThrow({ where: { dataset: { name: dataset }, externalId: "1004_A. Double It 4" } });
    expect(p.publicTests).toEqual([{ input: "4\n", output: "8\n" }]);
  });

  it("rejects a corrupt file naming the line and field, and leaves the database unchanged", async () => {
    const file = path.join(dir, "bad.jsonl");
    const bad = rows(6).map((r, i) => (i === 4 ? { ...r, private_tests: { input: ["1\n", "2\n"], output: ["2\n"] } } : r));
    writeJsonl(file, bad);
    const dataset = unique("cc-bad");
    const before = { datasets: await db.dataset.count(), problems: await db.problem.count() };
    const error = await importProblemsFile(db, file, { dataset, split: "test" }).catch((e) => e);
    expect(error).toBeInstanceOf(ProblemFileError);
    expect(error.message).toMatch(/bad\.jsonl line 5, field private_tests\.output/);
    expect({ datasets: await db.dataset.count(), problems: await db.problem.count() }).toEqual(before);

    fs.writeFileSync(file, `${JSON.stringify(sampleCodeContestsRow(0))}\n{"name": "x", oops\n`);
    await expect(importProblemsFile(db, file, { dataset, split: "test" })).rejects.toThrow(/line 2/);
    expect(await db.dataset.count()).toBe(before.datasets);
  });

  it("through the CLI: `rlef import` prints the error with file and line and exits non-zero", async () => {
    const file = path.join(dir, "cli-bad.jsonl");
    writeJsonl(file, [sampleCodeContestsRow(0), { ...sampleCodeContestsRow(1), description: 42 }]);
    const run = promisify(execFile)(process.execPath, ["bin/rlef.js", "import", file, "--dataset", unique("cli")], { env: process.env });
    const failure = await run.then(
      () => null,
      (e) => e as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/cli-bad\.jsonl line 2, field description/);
  }, 60_000);
});
