import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

const problem = {
  name: "1_A. Sum",
  description: "Add two numbers.",
  public_tests: { input: ["1 2\n", "3 4\n"], output: ["3\n", "7\n"] },
  private_tests: { input: ["10 20\n"], output: ["30\n"] },
  generated_tests: { input: [], output: [] },
  time_limit: { seconds: 1, nanos: 0 },
  memory_limit_bytes: 268435456,
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fixture(code: string, problemRow: object = problem) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rlef-judge-cli-"));
  dirs.push(dir);
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, "problem.json"), JSON.stringify(problemRow));
  writeFileSync(path.join(dir, "solution.py"), code);
  return { problem: path.join(dir, "problem.json"), code: path.join(dir, "solution.py") };
}

async function rlef(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", [path.join(root, "bin/rlef.js"), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("rlef judge", () => {
  it("prints per-test verdicts and a summary, exit 0 when all pass", async () => {
    const f = fixture("a, b = map(int, input().split())\nprint(a + b)\n");
    const out = await rlef(["judge", "--problem", f.problem, "--code", f.code]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/public 0\s+OK/);
    expect(out.stdout).toMatch(/private 0\s+OK/);
    expect(out.stdout).toMatch(/OK: 3\/3 passed/);
  });

  it("--json --feedback: the JudgeResult and the paper's feedback message, exit 1 on failure", async () => {
    const f = fixture("a, b = map(int, input().split())\nprint(a * b)\n");
    const out = await rlef(["judge", "--problem", f.problem, "--code", f.code, "--tests", "public", "--json", "--feedback"]);
    expect(out.code).toBe(1);
    const parsed = JSON.parse(out.stdout);
    expect(parsed.result.tests.map((t: { verdict: string }) => t.verdict)).toEqual(["WRONG_ANSWER", "WRONG_ANSWER"]);
    expect(parsed.feedback).toBe(
      "Your code failed the following tests:\n\n" +
        "- input `1 2\n` failed:\nExpected output `3\n` but got `2\n`\n" +
        "- input `3 4\n` failed:\nExpected output `7\n` but got `12\n`\n\n" +
        "Give it another try.\nYour code should be enclosed in triple backticks like so: ```python YOUR CODE HERE ```. Use the backticks for your code only.",
    );
  });

  it("--stop-on-first-failure with the plain engine skips the rest", async () => {
    const f = fixture("print(0)\n");
    const out = await rlef(["judge", "--problem", f.problem, "--code", f.code, "--engine", "plain", "--stop-on-first-failure", "--json"]);
    const parsed = JSON.parse(out.stdout);
    expect(parsed.result).toMatchObject({ verdict: "WRONG_ANSWER", engine: "plain", total: 3, skipped: 2 });
  });

  // Python >= 3.11 refuses int <-> str conversions past 4,300 digits unless
  // the limit is lifted (the paper's 3.10 had none): 2**20000 has 6,021.
  it.each(["fast", "plain"])("a correct big-integer solution is OK (%s engine)", async (engine) => {
    const big = (2n ** 20000n).toString();
    const bigProblem = {
      ...problem,
      name: "2_B. Power",
      public_tests: { input: ["20000\n"], output: [`${big}\n`] },
      private_tests: { input: [`${big}\n`], output: ["6021\n"] },
    };
    const f = fixture("n = input()\nprint(2 ** int(n) if len(n) < 10 else len(str(int(n))))\n", bigProblem);
    const out = await rlef(["judge", "--problem", f.problem, "--code", f.code, "--engine", engine, "--json"]);
    const parsed = JSON.parse(out.stdout);
    expect(parsed.result.tests.map((t: { verdict: string }) => t.verdict)).toEqual(["OK", "OK"]);
    expect(out.code).toBe(0);
  });

  it("a dataset ref to a problem the database lacks is a clear error, exit 2", async () => {
    const f = fixture("print(1)\n");
    const out = await rlef(["judge", "--problem", "dataset:no-such-dataset/nope", "--code", f.code]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/rlef judge: no problem "nope" in dataset "no-such-dataset"/);
  });
});
