import { describe, expect, it } from "vitest";
import { materializeFunctionTasks } from "./materialize-function-tasks";
import { parseEvalPlusLine } from "./evalplus-row";
import { judgeSubmission } from "../sandbox/judge-submission";
import { parseFunctionTest } from "../sandbox/function-test";

/**
 * Huge outputs as HumanEval/83 (starts_one_ends: a million-digit int) and /130 (tri: a million-element
 * list of ints and floats) have them, on tiny problems of our own. Decimal repr of a million-digit int
 * is quadratic (seconds), and a float list was stored as a 12 MB literal: both failed the reference at
 * recording. Now both are digests of a canonical text (== semantics, big ints in hex), and a candidate's
 * output is judged against them: the right value passes (also as ints where the reference has 2.0), a
 * wrong one fails.
 */
const row = (id: number, entry: string, body: string, inputs: unknown[][]) =>
  JSON.stringify({
    task_id: `HumanEval/${id}`,
    prompt: `def ${entry}(n):\n`,
    entry_point: entry,
    canonical_solution: body,
    test: `def check(candidate):\n    assert candidate(1) == candidate(1)\n`,
    base_input: inputs,
    plus_input: [],
    atol: 0,
  });

const limits = { timeLimitMs: 3000, memoryLimitBytes: 2 * 1024 ** 3 };

async function judge(code: string, tests: { input: string; output: string }[]) {
  const result = await judgeSubmission({ code, language: "python3", tests, mode: "all", ...limits });
  return result.tests.map((t) => t.verdict);
}

describe("huge EvalPlus outputs", () => {
  it("a million-digit int output is recorded and compared exactly", async () => {
    const line = row(9083, "big", "    return 18 * 10 ** (n - 2)\n", [[5], [1000002]]);
    const [{ record }] = await materializeFunctionTasks("inline.jsonl", [{ row: 1, draft: parseEvalPlusLine(line) }], limits);
    expect(record.tags.filter((t) => t.startsWith("reference_failed"))).toEqual([]);
    expect(record.privateTests).toHaveLength(2);
    const expected = parseFunctionTest(record.privateTests[1]);
    expect(expected).toMatchObject({ expected: { canon: 1 } });
    const tests = record.privateTests;
    expect(await judge("def big(n):\n    return 18 * 10 ** (n - 2)\n", tests)).toEqual(["OK", "OK"]);
    expect(await judge("def big(n):\n    return 18 * 10 ** (n - 2) + (n > 10)\n", tests)).toEqual(["OK", "WRONG_ANSWER"]);
  }, 120_000);

  it("a million-element list of ints and floats is recorded; == semantics (2 == 2.0) are kept", async () => {
    const tri = "    return [1, 3] + [1 + i / 2 for i in range(2, n + 1)]\n";
    const line = row(9130, "tri", tri, [[3], [1000000]]);
    const [{ record }] = await materializeFunctionTasks("inline.jsonl", [{ row: 1, draft: parseEvalPlusLine(line) }], limits);
    expect(record.tags.filter((t) => t.startsWith("reference_failed"))).toEqual([]);
    expect(parseFunctionTest(record.privateTests[1])).toMatchObject({ expected: { canon: 1 } });
    const tests = record.privateTests;
    expect(await judge(`def tri(n):\n${tri}`, tests)).toEqual(["OK", "OK"]);
    // integral values as ints, the rest as floats: == to the reference's list, as EvalPlus compares
    const asInts = "def tri(n):\n    return [1, 3] + [1 + i // 2 if i % 2 == 0 else 1 + i / 2 for i in range(2, n + 1)]\n";
    expect(await judge(asInts, tests)).toEqual(["OK", "OK"]);
    const wrong = "def tri(n):\n    out = [1, 3] + [1 + i / 2 for i in range(2, n + 1)]\n    out[-1] += 1e-9\n    return out\n";
    expect(await judge(wrong, tests)).toEqual(["WRONG_ANSWER", "WRONG_ANSWER"]);
  }, 180_000);

  it("a batch whose outputs pass one 6 KB slice is fetched whole and in order (sub-jobs, one input sliced alone)", async () => {
    const sizes = [...Array.from({ length: 99 }, (_, i) => 300 + i), 20_000];
    const line = row(
      9014,
      "pad",
      '    return str(n) + "x" * n\n',
      sizes.map((n) => [n]),
    );
    const [{ record }] = await materializeFunctionTasks("inline.jsonl", [{ row: 1, draft: parseEvalPlusLine(line) }], limits);
    const expected = record.privateTests.map((t) => (parseFunctionTest(t) as { expected: { py: string } }).expected.py);
    expect(expected).toEqual(sizes.map((n) => `'${n}${"x".repeat(n)}'`));
  }, 120_000);
});
