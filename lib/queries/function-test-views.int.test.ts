import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma, getPrisma } from "../db/client";
import { functionTestCase } from "../sandbox/function-test";
import { sandboxErrorResult } from "../sandbox/classify-verdict";
import { seedSyntheticData, type SeedSyntheticResult } from "../seed/synthetic/seed-synthetic-data";
import { getEpisodeWithTurns } from "./episodes/get-episode-with-turns";
import { listEpisodes } from "./episodes/list-episodes";
import { listProblemTests } from "./problems/list-problem-tests";

// HumanEval+ episodes on the episode, compare and problem pages: a function test is shown as its
// feedback names it (the assert or call, the expected value, the AssertionError), never as the
// harness's JSON spec and pass line.
let seed: SeedSyntheticResult;
beforeAll(async () => {
  seed = await seedSyntheticData(getPrisma(), { dataset: `fnview-${randomUUID().slice(0, 8)}`, problems: 2, rollouts: 2, seed: 3 });
});
afterAll(() => disconnectPrisma());

const longPrelude = `METADATA = ${JSON.stringify("x".repeat(6000))}`;
const publicTests = [
  functionTestCase({
    mode: "assert",
    entry: "truncate_number",
    prelude: longPrelude,
    show: "assert truncate_number(3.5) == 0.5",
    code: "_rlef_tc.assertEqual(candidate(3.5), 0.5)",
  }),
  functionTestCase({ mode: "call", entry: "truncate_number", show: "truncate_number(1.25)", args: "[1.25]", expected: { py: "0.25" } }),
  functionTestCase({
    mode: "call",
    entry: "truncate_number",
    show: "truncate_number(9.5)",
    args: "[9.5]",
    expected: { sha256: "ab".repeat(32), length: 70000 },
  }),
];
const failed = (index: number, stdout: string, stderr = "") => ({
  ...sandboxErrorResult(index, ""),
  sandboxError: undefined,
  verdict: stdout ? ("WRONG_ANSWER" as const) : ("RUNTIME_ERROR" as const),
  exitCode: stdout ? 0 : 1,
  stdoutHead: stdout,
  stderrHead: stderr,
});

describe("function-call tests on the pages", () => {
  it("shows the assert or call, the expected value and the AssertionError, even past the cut of a long spec", async () => {
    const db = getPrisma();
    const { id, problemId } = (await listEpisodes(db, { runId: seed.runIds[0], limit: 1 })).rows[0];
    await db.problem.update({ where: { id: problemId }, data: { publicTests, publicTestCount: publicTests.length } });
    const traceback = 'Traceback (most recent call last):\n  File "solution.py", line 2\nZeroDivisionError: division by zero\n';
    await db.turn.updateMany({
      where: { episodeId: id, index: 0 },
      data: {
        testResults: [
          failed(0, 'RLEF-FUNCTION-TEST FAIL {"message": "1.5 != 0.5"}\n'),
          failed(1, "", traceback),
          { ...failed(2, "RLEF-FUNCTION-TEST PASS\n"), verdict: "OK" },
        ],
      },
    });
    const episode = (await getEpisodeWithTurns(db, id))!;
    const [assertTest, call, digest] = episode.turns[0].testResults;
    expect(assertTest.test).toMatchObject({ kind: "function", input: "assert truncate_number(3.5) == 0.5", output: "" });
    expect(assertTest.assertion).toBe("1.5 != 0.5");
    expect(call.test).toMatchObject({ kind: "function", input: "truncate_number(1.25)", output: "0.25" });
    expect(call.assertion).toBeNull();
    expect(call.stderrHead).toContain("ZeroDivisionError");
    expect(digest.test?.output).toBe("(an output of 70000 characters, compared by its sha256)");

    const listed = await listProblemTests(db, problemId, "public", { maxChars: 100 });
    expect(listed.map((t) => [t.kind, t.input, t.output])).toEqual([
      ["function", "assert truncate_number(3.5) == 0.5", ""],
      ["function", "truncate_number(1.25)", "0.25"],
      ["function", "truncate_number(9.5)", "(an output of 70000 characters, compared by its sha256)"],
    ]);
  });

  it("leaves stdin/stdout tests as they are", async () => {
    const db = getPrisma();
    const problem = await db.problem.findFirstOrThrow({ where: { datasetId: seed.datasetId, privateTestCount: { gt: 0 } } });
    const [first] = await listProblemTests(db, problem.id, "private", { limit: 1 });
    const stored = (problem.privateTests as { input: string; output: string }[])[0];
    expect(first).toMatchObject({ kind: "stdio", input: stored.input.slice(0, 2000), output: stored.output.slice(0, 2000) });
  });
});
