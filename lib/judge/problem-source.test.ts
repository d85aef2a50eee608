import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadProblemFile, parseProblemRef, resolveProblemRef, selectTests } from "./problem-source";

const row = {
  name: "1_A. Sum",
  description: "Add two numbers.",
  public_tests: { input: ["1 2\n"], output: ["3\n"] },
  private_tests: { input: ["2 2\n", "5 5\n"], output: ["4\n", "10\n"] },
  generated_tests: { input: ["0 0\n"], output: ["0\n"] },
  time_limit: { seconds: 2, nanos: 500_000_000 },
  memory_limit_bytes: 268435456,
  cf_contest_id: 1,
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function file(content: unknown): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rlef-problem-"));
  dirs.push(dir);
  const target = path.join(dir, "problem.json");
  writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
}

describe("problem source", () => {
  it("reads a Hugging Face CodeContests row as is", async () => {
    const problem = await loadProblemFile(file(row));
    expect(problem.name).toBe("1_A. Sum");
    expect(problem.timeLimitMs).toBe(2500);
    expect(problem.memoryLimitBytes).toBe(268435456);
    expect(selectTests(problem, "public")).toEqual([{ input: "1 2\n", output: "3\n" }]);
    expect(selectTests(problem, "private").map((t) => t.output)).toEqual(["4\n", "10\n"]);
    expect(selectTests(problem, "all").map((t) => t.output)).toEqual(["3\n", "4\n", "10\n", "0\n"]);
  });

  it("treats a null time limit as absent (the default then applies)", async () => {
    const problem = await loadProblemFile(file({ ...row, time_limit: null }));
    expect(problem.timeLimitMs).toBeNull();
  });

  it("names the file and the field when the row is malformed", async () => {
    const bad = file({ ...row, private_tests: { input: ["1\n"], output: [] } });
    await expect(loadProblemFile(bad)).rejects.toThrow(/problem\.json, field private_tests\.output: expected 1 items/);
    await expect(loadProblemFile(file("{not json"))).rejects.toThrow(/problem\.json: .*JSON/);
  });

  it("parses dataset refs and needs a resolver for them", async () => {
    expect(parseProblemRef("dataset:code_contests/1_A. Sum")).toEqual({ kind: "dataset", dataset: "code_contests", problemId: "1_A. Sum" });
    expect(parseProblemRef("p.json")).toEqual({ kind: "file", path: "p.json" });
    expect(() => parseProblemRef("dataset:nothing")).toThrow(/dataset:<name>\/<problem-id>/);
    await expect(resolveProblemRef("dataset:demo/x")).rejects.toThrow(/needs the database/);
    const problem = await loadProblemFile(file(row));
    const seen: string[] = [];
    const resolved = await resolveProblemRef("dataset:demo/x", async (dataset, id) => {
      seen.push(`${dataset}|${id}`);
      return problem;
    });
    expect(resolved).toBe(problem);
    expect(seen).toEqual(["demo|x"]);
  });
});
