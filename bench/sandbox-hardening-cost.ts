/**
 * What the sandbox hardening (issue 12) costs per test: the sandboxes of older commits against this
 * one, in ONE run, rounds interleaved so all see the same machine load.
 *
 *   mkdir -p /tmp/sandbox-old && git archive bd1b6db lib | tar -x -C /tmp/sandbox-old
 *   ln -s "$PWD/node_modules" /tmp/sandbox-old/node_modules
 *   npx tsx bench/sandbox-hardening-cost.ts --old /tmp/sandbox-old [--before /tmp/sandbox-judge]
 *       [--rounds 7] [--trivial 200] [--no-dataset]
 *
 * --old is the commit the issue was filed against (bd1b6db). --before, optional, is a commit between
 * the two that has the other work that landed meanwhile but not the hardening (d326558, the judge
 * fidelity branch: CPython's own exit sequence in each test child), so the hardening's own share shows.
 *
 * Trivial tests ("print(input())", one submission of N tests at a time on one slot): time per test is
 * the sandbox's overhead (the program's own work is ~0.05 ms). Demo dataset: every reference solution on
 * all its tests through a pool of all cores, wall time per test. Ratios are of medians, this checkout
 * over each older one (goal ≤ 1.2). Results also go to bench/out/sandbox-hardening-cost.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ProblemRecord } from "../lib/problems/problem-record";
import { loadDemoProblems, TRIVIAL_PROGRAM, trivialTests } from "./sandbox-measure";

const { values } = parseArgs({
  options: {
    old: { type: "string", default: "/tmp/sandbox-old" },
    before: { type: "string" },
    rounds: { type: "string", default: "7" },
    trivial: { type: "string", default: "200" },
    "no-dataset": { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
const trivialN = Number(values.trivial);
const cores = os.availableParallelism();

type JudgeModule = typeof import("../lib/sandbox/judge-submission");
type PoolModule = typeof import("../lib/sandbox/pool");
interface Variant {
  name: string;
  root: string;
  judge: JudgeModule["judgeSubmission"];
  single: InstanceType<PoolModule["SandboxPool"]>;
  all: InstanceType<PoolModule["SandboxPool"]>;
}

async function load(name: string, root: string, uidBase: number): Promise<Variant> {
  const judge = (await import(path.join(root, "lib/sandbox/judge-submission.ts"))) as JudgeModule;
  const { SandboxPool } = (await import(path.join(root, "lib/sandbox/pool.ts"))) as PoolModule;
  return {
    name,
    root,
    judge: judge.judgeSubmission,
    single: new SandboxPool({ concurrency: 1, uidBase }),
    all: new SandboxPool({ concurrency: cores, uidBase: uidBase + 100 }),
  };
}

async function trivialMsPerTest(v: Variant): Promise<number> {
  const started = performance.now();
  const r = await v.judge(
    { code: TRIVIAL_PROGRAM, language: "python3", tests: trivialTests(trivialN), mode: "all", engine: "fast" },
    { pool: v.single },
  );
  if (r.verdict !== "OK")
    throw new Error(`${v.name}: trivial program ${r.verdict}: ${JSON.stringify(r.tests.find((t) => t.verdict !== "OK"))}`);
  return (performance.now() - started) / trivialN;
}

async function datasetRound(v: Variant, problems: ProblemRecord[]): Promise<{ msPerTest: number; ok: number; of: number }> {
  const jobs = problems.flatMap((p) => p.referenceSolutions.filter((s) => /python/i.test(s.language)).map((s) => ({ p, code: s.code })));
  const started = performance.now();
  const results = await Promise.all(
    jobs.map(({ p, code }) =>
      v.judge(
        {
          code,
          language: "python3",
          tests: [...p.publicTests, ...p.privateTests, ...p.generatedTests],
          timeLimitMs: p.timeLimitMs ?? undefined,
          memoryLimitBytes: p.memoryLimitBytes ?? undefined,
          mode: "all",
          engine: "fast",
        },
        { pool: v.all },
      ),
    ),
  );
  const wall = performance.now() - started;
  const tests = results.reduce((n, r) => n + r.tests.length, 0);
  return { msPerTest: wall / tests, ok: results.filter((r) => r.verdict === "OK").length, of: results.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
const load1 = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const variants = [await load("old", path.resolve(values.old!), 64500)];
if (values.before) variants.push(await load("before", path.resolve(values.before), 64300));
const current = await load("new", path.resolve(import.meta.dirname, ".."), 64700);
variants.push(current);
const older = variants.filter((v) => v !== current);
console.log(`sandbox hardening cost on ${cores} cores; load average ${load1()}`);
for (const v of variants) console.log(`  ${v.name.padEnd(6)} ${v === current ? "this checkout" : v.root}`);

/** Rounds interleaved, the order rotated each round, so no variant always runs right after another. */
async function interleaved<T>(measure: (v: Variant) => Promise<T>): Promise<Record<string, T[]>> {
  const runs: Record<string, T[]> = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const v of round % 2 === 0 ? order : order.reverse()) runs[v.name].push(await measure(v));
  }
  return runs;
}

function printRatios(medians: Record<string, number>): Record<string, number> {
  const ratios: Record<string, number> = {};
  for (const v of older) {
    ratios[v.name] = medians.new / medians[v.name];
    console.log(`  ratio new/${v.name}: ${ratios[v.name].toFixed(3)}  (goal ≤ 1.2)`);
  }
  return ratios;
}

// Warm-up: runtime discovery, page cache, the slots' cgroups and user namespaces.
for (const v of variants) await trivialMsPerTest(v);

const trivial = await interleaved(trivialMsPerTest);
const trivialMedians = Object.fromEntries(variants.map((v) => [v.name, median(trivial[v.name])]));
console.log(`\ntrivial tests (${trivialN} per submission, one slot), median of ${rounds} interleaved rounds:`);
for (const v of variants)
  console.log(`  ${v.name.padEnd(6)} ${fmt(trivialMedians[v.name])} per test   [${trivial[v.name].map((x) => x.toFixed(2)).join(" ")}]`);
const report: Record<string, unknown> = {
  cores,
  loadBefore: os.loadavg(),
  roots: Object.fromEntries(variants.map((v) => [v.name, v.root])),
  trivialN,
  rounds,
  trivial,
  trivialRatios: printRatios(trivialMedians),
};

const problems = values["no-dataset"] ? [] : loadDemoProblems(path.resolve(import.meta.dirname, "../lib/problems/demo-dataset/demo.jsonl"));
if (problems.length > 0) {
  for (const v of variants) await datasetRound(v, problems.slice(0, 3)); // warm the all-cores pools
  const runs = await interleaved((v) => datasetRound(v, problems));
  const medians = Object.fromEntries(variants.map((v) => [v.name, median(runs[v.name].map((r) => r.msPerTest))]));
  console.log(`\ndemo dataset (${problems.length} problems, reference solutions, ${cores} slots), median of ${rounds} interleaved rounds:`);
  for (const v of variants) {
    const last = runs[v.name][runs[v.name].length - 1];
    console.log(
      `  ${v.name.padEnd(6)} ${fmt(medians[v.name])} per test; ${last.ok}/${last.of} pass   [${runs[v.name].map((r) => r.msPerTest.toFixed(2)).join(" ")}]`,
    );
  }
  Object.assign(report, { dataset: runs, datasetRatios: printRatios(medians) });
}

for (const v of variants) await Promise.all([v.single.close(), v.all.close()]);
report.loadAfter = os.loadavg();
console.log(`\nload average after: ${load1()}`);
const out = path.resolve(import.meta.dirname, "out");
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "sandbox-hardening-cost.json"), JSON.stringify(report, null, 2));
