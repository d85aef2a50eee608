/**
 * The judge audit of a benchmark file without a database: read it as `rlef import` does (the sandbox
 * splits the tests and records the reference outputs), then judge every reference solution on every
 * public and private test, and every wrong variant, in the fast engine.
 *
 *   npx tsx bench/benchmark-audit.ts ../shared/datasets/evalplus/HumanEvalPlus.jsonl.gz [--stride 1] [--limit N]
 *
 * Prints the audit (pass counts per dataset) and writes it to bench/out/benchmark-audit-<file>.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { auditReferenceSolutions } from "../lib/benchmarks/judge-audit";
import { formatAuditReport } from "../lib/benchmarks/format-audit-report";
import { detectBenchmarkFormat, readBenchmarkFile } from "../lib/benchmarks/read-benchmark-file";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { stride: { type: "string", default: "1" }, limit: { type: "string" } },
});
const file = positionals[0];
if (!file) throw new Error("usage: bench/benchmark-audit.ts <file> [--stride k] [--limit n]");
const format = await detectBenchmarkFormat(file);
if (!format) throw new Error(`${file}: not a benchmark format this project reads`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
console.log(`${file} (${format}); ${os.availableParallelism()} cores, load average ${load()}`);
let started = performance.now();
let problems = await readBenchmarkFile(file, format);
const readMs = performance.now() - started;
if (values.limit) problems = problems.slice(0, Number(values.limit));
const tests = problems.reduce((n, p) => n + p.record.publicTests.length + p.record.privateTests.length, 0);
const dropped = problems.flatMap((p) =>
  p.record.tags.filter((t) => t.startsWith("reference_failed_inputs:")).map((t) => `${p.record.externalId} ${t}`),
);
console.log(
  `read and prepared ${problems.length} problems (${tests} tests) in ${(readMs / 1000).toFixed(1)} s; inputs the reference fails on: ${dropped.length ? dropped.join(", ") : "none"}`,
);
started = performance.now();
const report = await auditReferenceSolutions(
  problems.map((p) => p.record),
  {
    privateStride: Number(values.stride),
    onProgress: (done, total) => {
      if (done % 20 === 0 || done === total)
        console.log(`  audited ${done}/${total} (${((performance.now() - started) / 1000).toFixed(0)} s, load ${load()})`);
    },
  },
);
console.log(formatAuditReport(path.basename(file), report));
if (report.wrongPassed.length) console.log(`wrong variants that pass: ${report.wrongPassed.map((w) => w.externalId).join(", ")}`);
const out = path.resolve(import.meta.dirname, "out");
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, `benchmark-audit-${path.basename(file)}.json`),
  JSON.stringify({ file, format, readMs, dropped, loadAverage: os.loadavg(), report }, null, 2),
);
process.exit(report.failures.length ? 1 : 0);
