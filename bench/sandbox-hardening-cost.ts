/**
 * What the sandbox hardening (issue 12) costs per test: the sandbox of an old
 * commit against this one, in ONE run, rounds interleaved so both see the same
 * machine load.
 *
 *   mkdir -p /tmp/sandbox-old && git archive bd1b6db lib | tar -x -C /tmp/sandbox-old
 *   ln -s "$PWD/node_modules" /tmp/sandbox-old/node_modules
 *   npx tsx bench/sandbox-hardening-cost.ts --old /tmp/sandbox-old [--rounds 5] [--trivial 100] [--no-dataset]
 *
 * Trivial tests ("print(input())", one submission of N tests at a time on one
 * slot): time per test is the sandbox's overhead (the program's own work is
 * ~0.05 ms). Demo dataset: every reference solution on all its tests through a
 * pool of all cores; overhead = wall time per test minus the programs' own CPU
 * per test. The ratio new/old of the median overheads is the cost (goal ≤ 1.2).
 * Results also go to bench/out/sandbox-hardening-cost.json.
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
    rounds: { type: "string", default: "5" },
    trivial: { type: "string", default: "100" },
    "no-dataset": { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
const trivialN = Number(values.trivial);
const cores = os.availableParallelism();

type JudgeModule = typeof import("../lib/sandbox/judge-submission");
type PoolModule = typeof import("../lib/sandbox/pool");
interface Variant {
  name: "old" | "new";
  judge: JudgeModule["judgeSubmission"];
  single: InstanceType<PoolModule["SandboxPool"]>;
  all: InstanceType<PoolModule["SandboxPool"]>;
}

async function load(name: "old" | "new", root: string, uidBase: number): Promise<Variant> {
  const judge = (await import(path.join(root, "lib/sandbox/judge-submission.ts"))) as JudgeModule;
  const { SandboxPool } = (await import(path.join(root, "lib/sandbox/pool.ts"))) as PoolModule;
  return {
    name,
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

async function datasetRound(
  v: Variant,
  problems: ProblemRecord[],
): Promise<{ msPerTest: number; programCpuMsPerTest: number; ok: number; of: number }> {
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
  const cpu = results.reduce((n, r) => n + r.tests.reduce((m, t) => m + (t.cpuMs ?? 0), 0), 0);
  return {
    msPerTest: wall / tests,
    programCpuMsPerTest: cpu / tests,
    ok: results.filter((r) => r.verdict === "OK").length,
    of: results.length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

const oldRoot = path.resolve(values.old!);
const variants = [await load("old", oldRoot, 64500), await load("new", path.resolve(import.meta.dirname, ".."), 64700)];
console.log(
  `sandbox hardening cost on ${cores} cores; old = ${oldRoot}, new = this checkout; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);

// Warm-up: runtime discovery, page cache, the slots' cgroups and user namespaces.
for (const v of variants) await trivialMsPerTest(v);

const trivial: Record<string, number[]> = { old: [], new: [] };
for (let round = 0; round < rounds; round++) {
  for (const v of round % 2 === 0 ? variants : [...variants].reverse()) trivial[v.name].push(await trivialMsPerTest(v));
}
const [to, tn] = [median(trivial.old), median(trivial.new)];
console.log(`\ntrivial tests (${trivialN} per submission, one slot), median of ${rounds} interleaved rounds:`);
console.log(`  old ${fmt(to)} per test   [${trivial.old.map((x) => x.toFixed(2)).join(" ")}]`);
console.log(`  new ${fmt(tn)} per test   [${trivial.new.map((x) => x.toFixed(2)).join(" ")}]`);
console.log(`  ratio new/old: ${(tn / to).toFixed(3)}  (goal ≤ 1.2)`);
const report: Record<string, unknown> = { cores, loadBefore: os.loadavg(), trivialN, rounds, trivial, trivialRatio: tn / to };

const problems = values["no-dataset"] ? [] : loadDemoProblems(path.resolve(import.meta.dirname, "../lib/problems/demo-dataset/demo.jsonl"));
if (problems.length > 0) {
  const runs: Record<string, Awaited<ReturnType<typeof datasetRound>>[]> = { old: [], new: [] };
  for (const v of variants) await datasetRound(v, problems.slice(0, 3)); // warm the all-cores pools
  for (let round = 0; round < rounds; round++) {
    for (const v of round % 2 === 0 ? variants : [...variants].reverse()) runs[v.name].push(await datasetRound(v, problems));
  }
  const overhead = (name: string) => median(runs[name].map((r) => r.msPerTest - r.programCpuMsPerTest));
  const perTest = (name: string) => median(runs[name].map((r) => r.msPerTest));
  const [oo, on] = [overhead("old"), overhead("new")];
  console.log(`\ndemo dataset (${problems.length} problems, reference solutions, ${cores} slots), median of ${rounds} interleaved rounds:`);
  for (const name of ["old", "new"]) {
    const last = runs[name][runs[name].length - 1];
    console.log(
      `  ${name} ${fmt(perTest(name))} per test, overhead ${fmt(overhead(name))} above the programs' own CPU (${fmt(last.programCpuMsPerTest)}); ${last.ok}/${last.of} pass   [${runs[name].map((r) => r.msPerTest.toFixed(2)).join(" ")}]`,
    );
  }
  console.log(
    `  overhead ratio new/old: ${(on / oo).toFixed(3)}  (goal ≤ 1.2); per-test time ratio ${(perTest("new") / perTest("old")).toFixed(3)}`,
  );
  Object.assign(report, { dataset: runs, datasetOverheadRatio: on / oo, datasetPerTestRatio: perTest("new") / perTest("old") });
}

for (const v of variants) await Promise.all([v.single.close(), v.all.close()]);
report.loadAfter = os.loadavg();
console.log(
  `\nload average after: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
const out = path.resolve(import.meta.dirname, "out");
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "sandbox-hardening-cost.json"), JSON.stringify(report, null, 2));
