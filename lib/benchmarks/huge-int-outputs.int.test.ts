import { describe, expect, it } from "vitest";
import { judgeSubmission } from "../sandbox/judge-submission";
import { parseEvalPlusLine } from "./evalplus-row";
import { materializeFunctionTasks } from "./materialize-function-tasks";

/**
 * Outputs holding million-digit integers (HumanEval/83's starts_one_ends, /130's tri on large n): repr()
 * of such an int is quadratic in CPython 3.11 (about 19 s for 10**999998 here), so recording the
 * reference's output by its literal ran past the time limit and the inputs were left out, and a correct
 * candidate's output would have taken as long to compare. A task of our own in EvalPlus' shape.
 */
const row = JSON.stringify({
  task_id: "HumanEval/9001",
  prompt: 'def starts_one_ends(n):\n    """How many n-digit numbers start or end with 1."""\n',
  canonical_solution: "    if n == 1:\n        return 1\n    return 18 * (10 ** (n - 2))\n",
  entry_point: "starts_one_ends",
  test: "def check(candidate):\n    assert candidate(1) == 1\n    assert candidate(2) == 18\n",
  contract: "",
  base_input: [[1], [2], [3]],
  plus_input: [[1000000], [999999], [1000001]],
  atol: 0,
});
const prompt = 'def starts_one_ends(n):\n    """How many n-digit numbers start or end with 1."""\n';

describe("function tasks whose outputs are huge integers", () => {
  it("records every input within a short limit, passes the reference and fails an answer off by one, quickly", async () => {
    const draft = parseEvalPlusLine(row);
    const started = performance.now();
    const [{ record }] = await materializeFunctionTasks("mine.jsonl", [{ row: 1, draft }], { timeLimitMs: 10_000 });
    const recordMs = performance.now() - started;
    expect(record.tags.some((t) => t.startsWith("reference_failed_inputs"))).toBe(false);
    const calls = record.privateTests.filter((t) => /"mode": ?"call"/.test(t.input));
    expect(calls).toHaveLength(6); // every base and plus input, in order
    expect(calls.map((t) => t.input.includes('"intSha256"'))).toEqual([false, false, false, true, true, true]);

    const judge = (code: string) =>
      judgeSubmission({ code, language: "python3", tests: calls, timeLimitMs: 5_000, mode: "all", engine: "fast" });
    const right = await judge(record.referenceSolutions[0].code);
    expect(right.tests.map((t) => t.verdict)).toEqual(Array(6).fill("OK"));
    const offByOne = await judge(`${prompt}    return 1 if n == 1 else 18 * 10 ** (n - 2) + (n > 100)\n`);
    expect(offByOne.tests.map((t) => t.verdict)).toEqual([...Array(3).fill("OK"), ...Array(3).fill("WRONG_ANSWER")]);
    expect(offByOne.tests[3].stdoutHead).toContain("which holds an integer of about 1000000 digits; compared by digest");
    const asTuple = await judge(`${prompt}    return 1 if n == 1 else (18 * 10 ** (n - 2),) if n > 100 else 18 * 10 ** (n - 2)\n`);
    expect(asTuple.tests.slice(3).map((t) => t.verdict)).toEqual(Array(3).fill("WRONG_ANSWER"));
    // a digest of repr() would need ~19 s per huge input to record, and as long to judge each
    expect(recordMs).toBeLessThan(10_000);
    expect(Math.max(...right.tests.map((t) => t.timeMs))).toBeLessThan(3_000);
  }, 120_000);
});
