/**
 * Sandbox throughput: the fast path (one sandbox per submission, a fork per
 * test) against one fresh sandboxed `python3 solution.py` per test, with
 * isolation on.
 *
 *   npx tsx bench/sandbox-throughput.ts [--trivial 400] [--plain 40] [--no-dataset]
 *
 * Prints: the bare interpreter start (the floor of any fresh-interpreter
 * judge), per-test cost and overhead of both engines, trivial tests per second
 * on all cores, the latency of small (feedback-turn) submissions with and
 * without a warm standby sandbox, and, when lib/problems/demo-dataset/demo.jsonl exists, the
 * demo dataset's reference solutions judged both ways (time, speed-up) and
 * every solution's verdicts compared between the engines. Results also go to
 * bench/out/sandbox-throughput.json. The machine may be shared: its load
 * average is printed with the numbers.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SandboxPool } from "../lib/sandbox/pool";
import { discoverPythonRuntime } from "../lib/sandbox/python-runtime";
import { judgeDataset, loadDemoProblems, meanSpawnMs, sandboxedPass, smallSubmissionLatency, trivialThroughput } from "./sandbox-measure";

const { values } = parseArgs({
  options: {
    trivial: { type: "string", default: "400" },
    plain: { type: "string", default: "40" },
    "no-dataset": { type: "boolean", default: false },
  },
});
const trivialN = Number(values.trivial);
const plainN = Number(values.plain);
const cores = os.availableParallelism();
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const report: Record<string, unknown> = { cores, loadBefore: os.loadavg() };

const runtime = await discoverPythonRuntime();
const single = new SandboxPool({ concurrency: 1, uidBase: 64000 });
const all = new SandboxPool({ concurrency: cores, uidBase: 64100 });
console.log(`sandbox throughput on ${cores} cores, ${runtime.executable} (Python ${runtime.version}); load average ${load()}`);

// Warm-up: runtime discovery, page cache, first sandbox.
await trivialThroughput(single, "fast", 1, 20);
await trivialThroughput(single, "plain", 1, 3);

const scratch = mkdtempSync(path.join(os.tmpdir(), "rlef-bench-"));
chmodSync(scratch, 0o755);
const uid = single.uids[0];
const bare = await meanSpawnMs([runtime.executable, "-c", "pass"], 30);
const bareS = await meanSpawnMs([runtime.executable, "-S", "-c", "pass"], 30);
const bareSandboxed = await meanSpawnMs(sandboxedPass(runtime, scratch), 30, uid);
console.log(`\nbare interpreter start (python3 -c pass):        ${fmt(bare)}   (-S: ${fmt(bareS)}; inside bwrap: ${fmt(bareSandboxed)})`);

const plain = await trivialThroughput(single, "plain", 1, plainN);
const fast = await trivialThroughput(single, "fast", 1, trivialN);
console.log(
  `plain engine, trivial test, one at a time:        ${fmt(plain.msPerTest)} per test  (${fmt(plain.msPerTest - bare)} above a bare start)`,
);
console.log(
  `fast engine, trivial test, one at a time:         ${fmt(fast.msPerTest)} per test  (test process CPU ${fmt(fast.meanChildCpuMs ?? 0)})`,
);
console.log(`  overhead per test above the program's own work: ${fmt(fast.msPerTest)} (goal < 2 ms; the program's own work is ~0.05 ms)`);
console.log(`  speed-up vs one fresh interpreter per test:     ${(plain.msPerTest / fast.msPerTest).toFixed(1)}×  (goal ≥ 8×)`);

const parallel = await trivialThroughput(all, "fast", 2 * cores, trivialN);
const cold = new SandboxPool({ concurrency: 1, uidBase: 64200, prewarm: false });
const warm = new SandboxPool({ concurrency: 1, uidBase: 64300 });
const latency = {
  fastWarm: await smallSubmissionLatency(warm, "fast", 20, 2, 100),
  fastCold: await smallSubmissionLatency(cold, "fast", 20, 2, 100),
  plain: await smallSubmissionLatency(cold, "plain", 20, 2, 100),
};
await warm.close();
console.log(
  `fast engine, ${2 * cores} submissions × ${trivialN} tests on ${cores} slots: ${parallel.testsPerSecond.toFixed(0)} trivial tests/s  (goal ≥ 500/s)`,
);
console.log(
  `2-test submission, one every 100 ms (a feedback turn): fast ${fmt(latency.fastWarm)} with a warm standby, ${fmt(latency.fastCold)} cold; plain ${fmt(latency.plain)}`,
);
Object.assign(report, {
  bareMs: bare,
  bareNoSiteMs: bareS,
  bareSandboxedMs: bareSandboxed,
  plain,
  fast,
  parallel,
  latency,
  speedup: plain.msPerTest / fast.msPerTest,
});

const problems = values["no-dataset"] ? [] : loadDemoProblems(path.resolve(import.meta.dirname, "../lib/problems/demo-dataset/demo.jsonl"));
if (problems.length > 0) {
  const references = problems.map((p) => ({ ...p, wrongSolutions: [] }));
  const fastRefs = await judgeDataset(all, references, "fast");
  const plainRefs = await judgeDataset(all, references, "plain");
  const ok = (r: typeof fastRefs) => r.results.filter((x) => x.verdict === "OK").length;
  console.log(
    `\ndemo dataset: ${problems.length} problems, ${fastRefs.submissions} reference solutions, ${fastRefs.tests} tests, ${cores} slots`,
  );
  console.log(
    `  fast:  ${(fastRefs.wallMs / 1000).toFixed(2)} s (${fmt(fastRefs.wallMs / fastRefs.tests)} per test), ${ok(fastRefs)}/${fastRefs.submissions} pass`,
  );
  console.log(
    `  plain: ${(plainRefs.wallMs / 1000).toFixed(2)} s (${fmt(plainRefs.wallMs / plainRefs.tests)} per test), ${ok(plainRefs)}/${plainRefs.submissions} pass`,
  );
  const programMs = fastRefs.results.reduce((sum, r) => sum + r.tests.reduce((t, x) => t + (x.cpuMs ?? 0), 0), 0) / fastRefs.tests;
  console.log(
    `  speed-up: ${(plainRefs.wallMs / fastRefs.wallMs).toFixed(1)}×  (the programs' own CPU: ${fmt(programMs)} per test on average)`,
  );
  const wrong = problems.map((p) => ({ ...p, referenceSolutions: [] }));
  const fastWrong = await judgeDataset(all, wrong, "fast");
  const plainWrong = await judgeDataset(all, wrong, "plain");
  const verdicts = (r: typeof fastWrong) => r.results.map((x) => x.tests.map((t) => t.verdict).join(","));
  const [fv, pv] = [verdicts(fastWrong), verdicts(plainWrong)];
  const same = fv.filter((v, i) => v === pv[i]).length;
  const failing = fastWrong.results.filter((x) => x.verdict !== "OK").length;
  console.log(
    `  wrong solutions: ${failing}/${fastWrong.submissions} fail under fast, ${plainWrong.results.filter((x) => x.verdict !== "OK").length} under plain; identical per-test verdicts for ${same}/${fv.length}`,
  );
  Object.assign(report, {
    dataset: {
      problems: problems.length,
      referenceTests: fastRefs.tests,
      fastMs: fastRefs.wallMs,
      plainMs: plainRefs.wallMs,
      speedup: plainRefs.wallMs / fastRefs.wallMs,
      programCpuMsPerTest: programMs,
      referencePass: { fast: ok(fastRefs), plain: ok(plainRefs), of: fastRefs.submissions },
      wrongFail: failing,
      wrongIdenticalVerdicts: same,
      wrongSolutions: fv.length,
    },
  });
} else {
  console.log("\n(demo dataset not found or --no-dataset: synthetic programs only)");
}

rmSync(scratch, { recursive: true, force: true });
report.loadAfter = os.loadavg();
console.log(`\nload average after: ${load()}`);
const out = path.resolve(import.meta.dirname, "out");
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "sandbox-throughput.json"), JSON.stringify(report, null, 2));
