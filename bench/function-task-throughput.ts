/**
 * Judge throughput on function-call tasks (HumanEval+), in one run:
 * - ours: the fast engine, one sandbox per submission, the scoring inputs up to 100 to a fork with a
 *   verdict each (lib/sandbox/function-call-batches.ts), and the same with a fork per input;
 * - EvalPlus' approach: a fresh sandboxed interpreter per task that runs all of the task's inputs in
 *   one process and stops at the first failure (the plain engine, one "batch" test per task);
 * - a fresh sandboxed interpreter per test (the plain engine on the same per-input tests), for scale.
 *
 *   npx tsx bench/function-task-throughput.ts [--tasks 6] [--file ../shared/datasets/evalplus/HumanEvalPlus.jsonl] [--per-test 60]
 *
 * Prints tests/s of each and the ratios, with the load average (the machine may be shared); results go
 * to bench/out/function-task-throughput.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { FUNCTION_TEST_TAG, FUNCTION_TEST_PASS, parseFunctionTest } from "../lib/sandbox/function-test";
import { readBenchmarkFile } from "../lib/benchmarks/read-benchmark-file";
import type { ProblemRecord } from "../lib/problems/problem-record";
import { judgeSubmission } from "../lib/sandbox/judge-submission";
import { SandboxPool } from "../lib/sandbox/pool";

const { values } = parseArgs({
  options: {
    tasks: { type: "string", default: "6" },
    file: {
      type: "string",
      default: process.env.RLEF_SHARED_DATASETS
        ? path.join(process.env.RLEF_SHARED_DATASETS, "evalplus/HumanEvalPlus.jsonl")
        : "/work/shared/datasets/evalplus/HumanEvalPlus.jsonl",
    },
    "per-test": { type: "string", default: "60" },
  },
});
if (!existsSync(values.file)) throw new Error(`${values.file} not found (pass --file)`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
// the first --tasks rows only (preparing all 164 means recording 122k reference outputs first)
const subset = path.join(mkdtempSync(path.join(os.tmpdir(), "rlef-fn-bench-")), "tasks.jsonl");
writeFileSync(
  subset,
  readFileSync(values.file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .slice(0, Number(values.tasks))
    .join("\n"),
);
const records: ProblemRecord[] = (await readBenchmarkFile(subset, "evalplus")).map((p) => p.record);
const pool = new SandboxPool({ concurrency: 1 });
console.log(`function-task judge throughput: ${records.length} HumanEval+ tasks, one slot; load average ${load()}`);

async function time<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

// ours: every private (base + plus) input its own verdict, batched (the default) and a fork per input
async function judgeAll(functionCallBatch: number | undefined): Promise<{ tests: number; ok: boolean; ms: number }> {
  let tests = 0;
  let ok = true;
  const [, ms] = await time(async () => {
    for (const r of records) {
      const res = await judgeSubmission(
        { code: r.referenceSolutions[0].code, language: "python3", tests: r.privateTests, mode: "all", functionCallBatch },
        { pool },
      );
      tests += res.total;
      ok &&= res.verdict === "OK" && res.tests.length === res.total;
    }
  });
  return { tests, ok, ms };
}
const batched = await judgeAll(undefined);
const forked = await judgeAll(1);
const forkTests = forked.tests;
const forkMs = forked.ms;

// EvalPlus: a fresh interpreter per task, all inputs in one process
let batchOk = true;
const [, batchMs] = await time(async () => {
  for (const r of records) {
    const tests = r.privateTests.map((t) => parseFunctionTest(t)!);
    const spec = { rlef: FUNCTION_TEST_TAG, mode: "batch", entry: tests[0].entry, prelude: tests[0].prelude, show: r.externalId, tests };
    const res = await judgeSubmission(
      {
        code: r.referenceSolutions[0].code,
        language: "python3",
        tests: [{ input: JSON.stringify(spec), output: `${FUNCTION_TEST_PASS}\n` }],
        mode: "all",
        engine: "plain",
        timeLimitMs: 120_000,
      },
      { pool },
    );
    batchOk &&= res.verdict === "OK";
  }
});

// a fresh interpreter per test, on a sample of the same tests
const perTest = Number(values["per-test"]);
const sample = records.flatMap((r) =>
  r.privateTests.slice(0, Math.ceil(perTest / records.length)).map((t) => ({ code: r.referenceSolutions[0].code, t })),
);
const [, plainMs] = await time(async () => {
  for (const { code, t } of sample)
    await judgeSubmission({ code, language: "python3", tests: [t], mode: "all", engine: "plain" }, { pool });
});
await pool.close();

const batchedRate = batched.tests / (batched.ms / 1000);
const forkRate = forkTests / (forkMs / 1000);
const batchRate = forkTests / (batchMs / 1000);
const plainRate = sample.length / (plainMs / 1000);
console.log(
  `fast engine, batched, a verdict per input:     ${batchedRate.toFixed(0)} inputs/s (${batched.tests} inputs, ${(batched.ms / 1000).toFixed(1)} s, all OK: ${batched.ok})`,
);
console.log(
  `fast engine, a fork per input:                 ${forkRate.toFixed(0)} inputs/s (${forkTests} inputs, ${(forkMs / 1000).toFixed(1)} s, all OK: ${forked.ok})`,
);
console.log(
  `EvalPlus' approach, fresh interpreter per task: ${batchRate.toFixed(0)} inputs/s (${records.length} processes, ${(batchMs / 1000).toFixed(1)} s, all OK: ${batchOk})`,
);
console.log(`fresh interpreter per input:                   ${plainRate.toFixed(1)} inputs/s (${sample.length} inputs)`);
console.log(
  `ratio batched / EvalPlus per-task: ${(batchedRate / batchRate).toFixed(2)}×; fork-per-input / EvalPlus per-task: ${(forkRate / batchRate).toFixed(2)}×; fork-per-input / fresh-per-input: ${(forkRate / plainRate).toFixed(1)}×; load average ${load()}`,
);
const out = path.resolve(import.meta.dirname, "out");
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, "function-task-throughput.json"),
  JSON.stringify(
    {
      tasks: records.map((r) => r.externalId),
      forkTests,
      batchedMs: batched.ms,
      batchedRate,
      forkMs,
      batchMs,
      plainMs,
      plainTests: sample.length,
      forkRate,
      batchRate,
      plainRate,
      load: os.loadavg(),
    },
    null,
    2,
  ),
);
process.exit(0);
