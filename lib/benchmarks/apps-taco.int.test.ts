import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { getPrisma } from "../db/client";
import { importProblemsFile } from "../datasets/import-problems";
import { ProblemFileError } from "../problems/problem-file-error";
import { judgeSubmission } from "../sandbox/judge-submission";
import { detectBenchmarkFormat, readBenchmarkFile } from "./read-benchmark-file";

/**
 * APPS (codeparrot/apps) and TACO (BAAI/TACO) rows: our own fixtures in the published shape (no real row
 * was reachable here). `input_output` and `solutions` are JSON strings inside the row, as on the Hub.
 */
const db = getPrisma();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-apps-"));
const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
const write = (name: string, rows: (object | string)[]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n");
  return file;
};
const io = (value: object) => JSON.stringify(value);
/** rows as the Hub's Parquet conversion has them: every column a string, APPS' problem_id an int64 */
const writeParquet = (name: string, rows: Record<string, unknown>[]) => {
  const file = path.join(dir, name);
  const columns = Object.keys(rows[0]);
  const columnData = columns.map((column) =>
    column === "problem_id"
      ? { name: column, data: rows.map((r) => BigInt(r[column] as number)), type: "INT64" as const }
      : { name: column, data: rows.map((r) => (r[column] ?? null) as string | null), type: "STRING" as const },
  );
  fs.writeFileSync(file, new Uint8Array(parquetWriteBuffer({ columnData })));
  return file;
};

const SUM = "a, b = map(int, input().split())\nprint(a + b)\n";
function appsRow(id: number, over: Record<string, unknown> = {}) {
  return {
    problem_id: id,
    question: `Print the sum of two integers (problem ${id}).`,
    solutions: JSON.stringify([SUM]),
    input_output: io({ inputs: ["1 2\n", "10 -3\n"], outputs: ["3\n", "7\n"] }),
    difficulty: "introductory",
    url: `https://codeforces.com/problemset/problem/${id}/A`,
    starter_code: "",
    ...over,
  };
}

const appsRows = [
  appsRow(0),
  // inputs and outputs as lists of lines: the graders join them with "\n"
  appsRow(1, {
    question: "Print each of the n numbers doubled, one per line.",
    solutions: JSON.stringify(["n = int(input())\nfor _ in range(n):\n    print(2 * int(input()))\n"]),
    input_output: io({ inputs: [["2", "3", "5"]], outputs: [["6", "10"]] }),
  }),
  // call-based, outputs wrapped in a one-element list (what both graders accept as output == outputs[0]); a tuple
  // returned where the data has a list; big ints past 2^53 kept exact
  appsRow(2, {
    question: "Return the minimum and the maximum of the list.",
    starter_code: "def min_max(nums):\n\t",
    solutions: JSON.stringify(["def min_max(nums):\n    return (min(nums), max(nums))\n"]),
    input_output:
      '{"fn_name": "min_max", "inputs": [[[3, 1, 2]], [[9007199254740993, 5]]], "outputs": [[[1, 3]], [[5, 9007199254740993]]]}',
    url: "https://www.codewars.com/kata/min-max",
  }),
  // LeetCode style: class Solution, `List` used unimported (the graders import it first); a dict output whose
  // int keys JSON turned into strings
  appsRow(3, {
    question: "Count each value.",
    starter_code: "class Solution:\n    def countValues(self, nums: List[int]) -> dict:\n        ",
    solutions: JSON.stringify([
      "class Solution:\n    def countValues(self, nums: List[int]) -> dict:\n        return dict(Counter(nums))\n",
    ]),
    input_output: io({ fn_name: "countValues", inputs: [[[1, 1, 2]]], outputs: [{ "1": 2, "2": 1 }] }),
    url: "https://leetcode.com/problems/count-values/",
  }),
  // no tests and no solutions: imported, counted as lacking tests
  appsRow(4, { input_output: "", solutions: "" }),
  // several right answers: no checker here, imported and kept out of runs
  appsRow(5, { question: "Print a permutation of 1..n. If there are multiple answers, print any of them." }),
];

const tacoRows = [
  {
    question: "Given N, print N squared.",
    solutions: JSON.stringify(["print(int(input()) ** 2)\n", "n = int(input())\nprint(n * n)\n"]),
    starter_code: "",
    input_output: io({ inputs: ["3\n", "12\n"], outputs: ["9\n", "144\n"] }),
    difficulty: "EASY",
    raw_tags: "['math']",
    name: "Square",
    source: "atcoder",
    tags: "['Mathematics']",
    skill_types: "['Complete search', \"Euler's method\"]",
    url: "https://atcoder.jp/contests/abc000/tasks/abc000_a",
    "Expected Auxiliary Space": "O(1)",
    time_limit: "100 seconds",
    date: "2020-01-01",
    picture_num: "0",
    memory_limit: "256 megabytes",
    "Expected Time Complexity": "O(1)",
  },
  {
    question: "Complete the function reverseWord() that reverses the string.",
    solutions: JSON.stringify(["class Solution:\n    def reverseWord(self, s):\n        return s[::-1]\n"]),
    starter_code: "#User function Template for python3\nclass Solution:\n    def reverseWord(self, s):\n        # code here",
    input_output: io({ fn_name: "reverseWord", inputs: [["Geeks"], ["for"]], outputs: ["skeeG", "rof"] }),
    difficulty: "EASY",
    name: "Reverse a String",
    source: "geeksforgeeks",
    tags: "[]",
    skill_types: "[]",
    url: "https://practice.geeksforgeeks.org/problems/reverse-a-string/1",
    "Expected Auxiliary Space": "O(|S|)",
    time_limit: null,
    memory_limit: null,
    "Expected Time Complexity": "O(|S|)",
  },
];
// TACO repeats some statements: the second gets its own id
tacoRows.push({ ...tacoRows[0], solutions: JSON.stringify([]) });

describe("APPS and TACO importers", () => {
  it("APPS: stdin, list-of-lines and call-based problems are judged as the graders judge; references pass; an import is idempotent", async () => {
    const file = write("apps-test.jsonl", appsRows);
    expect(await detectBenchmarkFormat(file)).toBe("apps");
    const dataset = unique("apps");
    const first = await importProblemsFile(db, file, { dataset, split: "test" });
    expect(first).toMatchObject({ created: 6, alreadyImported: false });
    expect(first.benchmark?.format).toBe("apps");
    expect(first.benchmark?.needsChecker).toEqual(["5"]);
    expect(first.missingTests.examples).toEqual([{ externalId: "4", missing: ["public", "private"] }]);
    // the audit judges every reference (problems 0–3; 4 has none, 5 is kept out) on every test
    expect(first.benchmark?.audit).toMatchObject({ problems: 5, withReference: 4, passed: 4, failures: [] });
    const again = await importProblemsFile(db, file, { dataset, split: "test" });
    expect(again).toMatchObject({ created: 0, alreadyImported: true });
    expect(again.benchmark?.audit).toBeNull();

    const problems = await db.problem.findMany({ where: { dataset: { name: dataset } }, orderBy: { externalId: "asc" } });
    expect(problems.map((p) => p.externalId)).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(problems[0]).toMatchObject({ difficulty: "introductory", publicTestCount: 1, privateTestCount: 2 });
    expect(problems[0].tags).toEqual(["apps", "source:codeforces", "url:https://codeforces.com/problemset/problem/0/A"]);
    expect(problems[1].privateTests).toEqual([{ input: "2\n3\n5", output: "6\n10" }]);
    expect(problems[2].tags).toContain("fn_name:min_max");
    expect(problems[5].tags).toEqual(expect.arrayContaining(["needs-special-checker", "checker:several-answers"]));

    const [, , minMax, counts] = (await readBenchmarkFile(file, "apps")).map((p) => p.record);
    const judge = (code: string, tests: typeof minMax.privateTests) => judgeSubmission({ code, language: "python3", tests, mode: "all" });
    // a list return matches the wrapped output too; a wrong value fails with the comparison in its message
    const asList = await judge("def min_max(nums):\n    return [min(nums), max(nums)]\n", minMax.privateTests);
    expect(asList.tests.map((t) => t.verdict)).toEqual(["OK", "OK"]);
    const wrong = await judge("def min_max(nums):\n    return (max(nums), min(nums))\n", minMax.privateTests);
    expect(wrong.tests[0].verdict).toBe("WRONG_ANSWER");
    expect(wrong.tests[0].stdoutHead).toContain("(3, 1) != [[1, 3]]");
    // an off-by-one on the big int is caught: the value is never rounded through a double
    const rounded = await judge("def min_max(nums):\n    return (min(nums), max(nums) - 1)\n", minMax.privateTests);
    expect(rounded.tests.map((t) => t.verdict)).toEqual(["WRONG_ANSWER", "WRONG_ANSWER"]);
    const strKeys = await judge(
      "class Solution:\n    def countValues(self, nums):\n        return {str(k): v for k, v in Counter(nums).items()}\n",
      counts.privateTests,
    );
    expect(strKeys.tests[0].verdict).toBe("WRONG_ANSWER");
  }, 300_000);

  it("TACO: keeps source, tags, skills, expected complexities and limits (clamped); a repeated statement gets its own id", async () => {
    const file = write("taco-train.jsonl", tacoRows);
    expect(await detectBenchmarkFormat(file)).toBe("taco");
    const dataset = unique("taco");
    const result = await importProblemsFile(db, file, { dataset, split: "train" });
    expect(result).toMatchObject({ created: 3 });
    expect(result.clamped.count).toBe(2); // the 100 s limit of the square problem and its repeat, to 60 s
    expect(result.benchmark?.audit).toMatchObject({ withReference: 2, passed: 2, failures: [] });
    const problems = await db.problem.findMany({ where: { dataset: { name: dataset } } });
    const square = problems.find((p) => p.name === "Square" && !p.externalId.endsWith("-2"))!;
    expect(square.externalId).toMatch(/^taco-[0-9a-f]{16}$/);
    expect(problems.map((p) => p.externalId).sort()).toEqual([square.externalId, `${square.externalId}-2`, expect.any(String)].sort());
    expect(square).toMatchObject({ difficulty: "EASY", timeLimitMs: 60_000, memoryLimitBytes: 256_000_000 });
    expect(square.tags).toEqual([
      "taco",
      "source:atcoder",
      "url:https://atcoder.jp/contests/abc000/tasks/abc000_a",
      "Mathematics",
      "skill:Complete search",
      "skill:Euler's method",
      "expected_time:O(1)",
      "expected_space:O(1)",
    ]);
    expect((square.referenceSolutions as unknown[]).length).toBe(2);
    const reverse = problems.find((p) => p.name === "Reverse a String")!;
    expect(reverse).toMatchObject({ timeLimitMs: null, memoryLimitBytes: null, privateTestCount: 2 });
    expect(reverse.description).toContain("class Solution:");
  }, 300_000);

  it("reads the Hub's Parquet conversion of both, and names the row and field of a bad one", async () => {
    const taco = writeParquet("taco.parquet", tacoRows);
    expect(await detectBenchmarkFormat(taco)).toBe("taco");
    const fromParquet = (await readBenchmarkFile(taco, "taco")).map((p) => p.record);
    const fromJsonl = (await readBenchmarkFile(write("taco.jsonl", tacoRows), "taco")).map((p) => p.record);
    expect(fromParquet).toEqual(fromJsonl);
    const apps = writeParquet("apps.parquet", appsRows.slice(0, 3));
    expect(await detectBenchmarkFormat(apps)).toBe("apps");
    expect((await readBenchmarkFile(apps, "apps")).map((p) => p.record.externalId)).toEqual(["0", "1", "2"]);
    const bad = writeParquet("bad.parquet", [appsRows[0], appsRow(9, { input_output: '{"inputs": [1], "outputs": ["x"]}' })]);
    const error = await readBenchmarkFile(bad, "apps").catch((e) => e);
    expect(error).toBeInstanceOf(ProblemFileError);
    expect(error.message).toMatch(
      /bad\.parquet row 2 \(index 1\), field input_output\.inputs\[0\]: expected a string or a list of strings for a stdin problem/,
    );
  }, 120_000);

  it("refuses a bad file with file, line and field, and writes nothing", async () => {
    const cases: [string, object | string, RegExp][] = [
      [
        "malformed input_output (the object is not closed)",
        appsRow(7, { input_output: '{"inputs": ["1 2\\n"], "outputs": ["3\\n"]' }),
        /bad\.jsonl line 2, field input_output\.outputs: invalid JSON \(expected "," or "}" after the value\)/,
      ],
      [
        "outputs shorter than inputs",
        appsRow(7, { input_output: io({ inputs: ["1\n", "2\n"], outputs: ["1\n"] }) }),
        /line 2, field input_output\.outputs: expected 2 items to match input_output\.inputs, got 1/,
      ],
      [
        "a call-based input that is no argument list",
        appsRow(7, { input_output: io({ fn_name: "f", inputs: ["5"], outputs: [5] }) }),
        /line 2, field input_output\.inputs\[0\]: expected the list of arguments of f/,
      ],
      [
        "a stdin output that is no text",
        appsRow(7, { input_output: io({ inputs: ["1\n"], outputs: [1] }) }),
        /line 2, field input_output\.outputs\[0\]: expected a string or a list of strings for a stdin problem/,
      ],
      ["solutions that are not JSON", appsRow(7, { solutions: "[print(1)]" }), /line 2, field solutions: invalid JSON/],
      [
        "a solution that is not a program",
        appsRow(7, { solutions: '["print(1)", 3]' }),
        /line 2, field solutions\[1\]: expected a program/,
      ],
      ["no question", { ...appsRow(7), question: undefined }, /line 2, field question: missing \(expected string\)/],
      ["a repeated problem_id", appsRow(0), /line 2, field problem_id: duplicate problem "0" \(first on line 1\)/],
      ["a line that is not JSON", '{"problem_id": 7, "question": ', /line 2: invalid JSON/],
    ];
    for (const [what, bad, message] of cases) {
      const file = write("bad.jsonl", [appsRow(0), bad]);
      const dataset = unique("apps-bad");
      const error = await importProblemsFile(db, file, { dataset, split: "test", audit: false }).catch((e) => e);
      expect(error, what).toBeInstanceOf(ProblemFileError);
      expect(error.message, what).toMatch(message);
      expect(await db.problem.count({ where: { dataset: { name: dataset } } }), what).toBe(0);
    }
  }, 120_000);
});
