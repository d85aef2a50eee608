import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { getPrisma } from "../lib/db/client";
import { sampleCodeContestsRow } from "../lib/problems/codecontests-fixtures";
import { createEvalRun } from "../lib/runs/create-eval-run";
import { createTrainRun } from "../lib/training/create-train-run";

// Issue 10.4 acceptance: a dataset with a problem lacking private tests — the import summary names it,
// a training run drops it with a message, judging with an empty test list errors.

const db = getPrisma();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-notests-"));
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, ["bin/rlef.js", ...args], { env: process.env, maxBuffer: 8 * 1024 * 1024 }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }),
  );

const rows = [0, 1, 2, 3].map((i) => sampleCodeContestsRow(i));
rows[1] = { ...rows[1], private_tests: { input: [], output: [] } };
rows[2] = { ...rows[2], public_tests: { input: [], output: [] }, generated_tests: { input: [], output: [] } };
const noPrivate = rows[1].name;
const noPublic = rows[2].name;

describe("problems without tests", () => {
  const dataset = `notests-${Math.random().toString(36).slice(2, 8)}`;
  const file = path.join(dir, "train.jsonl");
  fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");

  it("rlef import names the problems that lack public or private tests and counts every kind", async () => {
    const { stdout, code } = await run(["import", file, "--dataset", dataset, "--split", "train"]);
    expect(code).toBe(0);
    expect(stdout).toContain("imported 4 problems");
    expect(stdout).toContain(
      `2 of 4 problems lack public or private tests (training drops them): ${noPrivate} (no private tests), ${noPublic} (no public tests)`,
    );
    expect(stdout).toContain("missing tests: 1 without public tests, 1 without private tests, 1 without generated tests");
  }, 120_000);

  it("a training run drops them, with the message on the run", async () => {
    const train = await createTrainRun(db, { trainer: { baseUrl: "http://127.0.0.1:9" }, dataset, split: "train", eval: { every: 0 } });
    expect(train.notices).toEqual([`dropped 2 problems without public or private tests (${noPrivate}, ${noPublic})`]);
    expect((await db.run.findUniqueOrThrow({ where: { id: train.id } })).notices).toEqual(train.notices);
  });

  it("an evaluation drops the one without public tests and judges the other on what it has, saying so", async () => {
    const evalRun = await createEvalRun(db, { dataset, split: "train", policy: { kind: "demo" } });
    expect(evalRun.total).toBe(3);
    expect(evalRun.notices).toEqual([`dropped 1 problem without public tests or hidden tests to judge (${noPublic})`]);
    const publicPrivateOnly = await createEvalRun(db, {
      dataset,
      split: "train",
      policy: { kind: "demo" },
      environment: { judgeTests: "public+private" },
    });
    expect(publicPrivateOnly.total).toBe(2);
  });

  it("rlef judge on an empty test list is an error, never OK", async () => {
    const problem = path.join(dir, "no-private.json");
    fs.writeFileSync(problem, JSON.stringify(rows[1]));
    const code = path.join(dir, "any.py");
    fs.writeFileSync(code, "print('anything')\n");
    const judged = await run(["judge", "--problem", problem, "--code", code, "--tests", "private"]);
    expect(judged.code).toBe(2);
    expect(judged.stderr).toMatch(/no tests to judge on: an empty test set is an error, never OK/);
    expect(judged.stdout).not.toMatch(/\bOK\b/);
  }, 120_000);
});
