import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { getPrisma } from "../db/client";
import { createSandboxEnvironment } from "../episode/sandbox-environment";
import { importProblemsFile } from "../datasets/import-problems";
import { ProblemFileError } from "../problems/problem-file-error";
import { problemRecordSchema } from "../problems/problem-record";

/**
 * The EvalPlus importer and the function-call judge on the genuine upstream files (read from the shared
 * datasets folder, never copied into the repo). By default a selection of tasks that exercise every
 * special case (atol, find_zero, set oracle, tuple and complex deserialisation, bare -Infinity, the
 * `plus_input: {}` row); RLEF_BENCHMARK_FULL=1 imports and audits all 164 + 378 tasks.
 */
const DATASETS = process.env.RLEF_SHARED_DATASETS ?? "/work/shared/datasets";
const HUMANEVAL = path.join(DATASETS, "evalplus/HumanEvalPlus.jsonl");
const MBPP = path.join(DATASETS, "evalplus/MbppPlus.jsonl");
const have = fs.existsSync(HUMANEVAL) && fs.existsSync(MBPP);
const full = process.env.RLEF_BENCHMARK_FULL === "1";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-evalplus-"));
const db = getPrisma();
const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

function subset(file: string, ids: string[], gzip: boolean): string {
  const lines = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  const kept = full ? lines : lines.filter((line) => ids.some((id) => line.startsWith(`{"task_id": "${id}"`)));
  const out = path.join(dir, `${path.basename(file, ".jsonl")}-${kept.length}.jsonl${gzip ? ".gz" : ""}`);
  const text = `${kept.join("\n")}\n`;
  fs.writeFileSync(out, gzip ? gzipSync(text) : text);
  return out;
}

describe.skipIf(!have)("EvalPlus HumanEval+ / MBPP+ on the real files", () => {
  it("imports HumanEval+ (.jsonl.gz): canonical solutions pass every base and plus test, wrong variants fail; re-import is a no-op", async () => {
    const file = subset(HUMANEVAL, ["HumanEval/0", "HumanEval/2", "HumanEval/32"], true);
    const dataset = unique("heplus");
    const result = await importProblemsFile(db, file, { dataset, split: "test" });
    const audit = result.benchmark!.audit!;
    expect(result.benchmark!.format).toBe("evalplus");
    expect(audit.failures).toEqual([]);
    expect(audit.passed).toBe(full ? 164 : 3);
    expect(audit.wrongPassed).toEqual([]);
    expect(audit.wrongFailed).toBe(2 * audit.passed);
    const problems = await db.problem.findMany({ where: { dataset: { name: dataset } }, orderBy: { externalId: "asc" } });
    const zero = problems.find((p) => p.externalId === "HumanEval/0")!;
    // base: the 7 asserts of check(); scoring: 7 base + 999 plus inputs with recorded outputs
    expect(zero).toMatchObject({ publicTestCount: 7, privateTestCount: 1006, memoryLimitBytes: 4 * 1024 ** 3 });
    expect(zero.tags).toContain("prompt:humanevalplus");
    expect((await db.dataset.findUniqueOrThrow({ where: { name: dataset } })).source).toBe("humanevalplus");
    const again = await importProblemsFile(db, file, { dataset, split: "test" });
    expect(again).toMatchObject({ alreadyImported: true, created: 0 });
    expect(again.benchmark!.audit).toBeNull();
  }, 1_800_000);

  it("imports MBPP+ (.jsonl, -Infinity tokens, {} plus_input, special oracles, math unimported by `assertion`): canonical solutions pass", async () => {
    const file = subset(MBPP, ["Mbpp/2", "Mbpp/120", "Mbpp/124", "Mbpp/404", "Mbpp/581", "Mbpp/793"], false);
    const dataset = unique("mbppplus");
    const result = await importProblemsFile(db, file, { dataset, split: "test" });
    const audit = result.benchmark!.audit!;
    expect(audit.failures).toEqual([]);
    expect(audit.passed).toBe(full ? 378 : 6);
    const last = await db.problem.findFirstOrThrow({ where: { dataset: { name: dataset }, externalId: "Mbpp/793" } });
    expect(last).toMatchObject({ publicTestCount: 3, privateTestCount: 3 });
    expect(last.description).toBe("Write a python function to find the last position of an element in a sorted array.");
  }, 1_800_000);

  it("deliberately wrong solutions get the paper's HumanEval+ feedback: AssertionError messages, tracebacks, timeouts and successes", async () => {
    const file = subset(HUMANEVAL, ["HumanEval/0"], false);
    const dataset = unique("heplus-wrong");
    await importProblemsFile(db, file, { dataset, split: "test", audit: false });
    const p = await db.problem.findFirstOrThrow({ where: { dataset: { name: dataset } } });
    const record = problemRecordSchema.parse({ ...p, referenceSolutions: [], wrongSolutions: [] });
    const env = createSandboxEnvironment();
    const limits = { timeLimitMs: 2000, memoryLimitBytes: 1024 ** 3 };
    const feedback = async (code: string) => {
      const outcome = await env.judge(code, record.publicTests, limits, "all");
      return { outcome, text: env.executionFeedback(record.publicTests, outcome, 2000, undefined, "humanevalplus") };
    };
    const head = "from typing import List\n\n\ndef has_close_elements(numbers: List[float], threshold: float) -> bool:\n";

    const alwaysFalse = await feedback(`${head}    return False\n`);
    expect(alwaysFalse.outcome.tests.map((t) => t.verdict)).toEqual([
      "WRONG_ANSWER",
      "OK",
      "WRONG_ANSWER",
      "OK",
      "WRONG_ANSWER",
      "WRONG_ANSWER",
      "OK",
    ]);
    expect(alwaysFalse.text).toBe(
      "Your code failed some test cases:\n\n" +
        "- Failure: `assert has_close_elements([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3) == True`:\n`False != True`\n" +
        "- Success: `assert has_close_elements([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.05) == False`\n" +
        "- Failure: `assert has_close_elements([1.0, 2.0, 5.9, 4.0, 5.0], 0.95) == True`:\n`False != True`\n" +
        "- Success: `assert has_close_elements([1.0, 2.0, 5.9, 4.0, 5.0], 0.8) == False`\n" +
        "- Failure: `assert has_close_elements([1.0, 2.0, 3.0, 4.0, 5.0, 2.0], 0.1) == True`:\n`False != True`\n" +
        "- Failure: `assert has_close_elements([1.1, 2.2, 3.1, 4.1, 5.1], 1.0) == True`:\n`False != True`\n" +
        "- Success: `assert has_close_elements([1.1, 2.2, 3.1, 4.1, 5.1], 0.5) == False`\n\n" +
        "Give it another try.",
    );

    const crashing = await feedback(`${head}    return numbers[len(numbers)] < threshold\n`);
    expect(crashing.outcome.tests.every((t) => t.verdict === "RUNTIME_ERROR")).toBe(true);
    expect(crashing.text).toContain(
      "- Failure: `assert has_close_elements([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3) == True`:\nTraceback (most recent call last):\n" +
        '  File "<test>", line 1, in <module>\n    assert has_close_elements([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3) == True\n' +
        '  File "solution.py", line 5, in has_close_elements\n    return numbers[len(numbers)] < threshold\n' +
        "           ~~~~~~~^^^^^^^^^^^^^^\nIndexError: list index out of range\n- Failure:",
    );

    const looping = await env.judge(
      `${head}    while True:\n        pass\n`,
      record.publicTests.slice(0, 1),
      { ...limits, timeLimitMs: 500 },
      "all",
    );
    expect(env.executionFeedback(record.publicTests.slice(0, 1), looping, 2000, undefined, "humanevalplus")).toBe(
      "Your code failed some test cases:\n\n- Failure: `assert has_close_elements([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3) == True`:\nExecution took too long.\n\nGive it another try.",
    );

    // a plus (scoring) test of a wrong answer: the unittest message names both values
    const plus = await env.judge(`${head}    return False\n`, record.privateTests.slice(0, 1), limits, "all");
    expect(plus.tests[0].verdict).toBe("WRONG_ANSWER");
    expect(plus.tests[0].stdoutHead).toContain('"message": "False != True"');
  }, 600_000);

  it("refuses a bad file naming the file, line and field, and writes nothing", async () => {
    const lines = fs.readFileSync(MBPP, "utf8").split("\n").slice(0, 2);
    const broken = JSON.parse(lines[1].replace(/-?Infinity/g, "0")) as Record<string, unknown>;
    delete broken.entry_point;
    const file = path.join(dir, "broken.jsonl");
    fs.writeFileSync(file, `${lines[0]}\n${JSON.stringify(broken)}\n`);
    const dataset = unique("broken");
    const error = await importProblemsFile(db, file, { dataset, split: "test" }).catch((e) => e);
    expect(error).toBeInstanceOf(ProblemFileError);
    expect(error.message).toBe(`${file} line 2, field entry_point: missing (expected string)`);
    expect(await db.dataset.findUnique({ where: { name: dataset } })).toBeNull();
  });
});
