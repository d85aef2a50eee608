/**
 * Compare-page scale benchmark (issue 6): two eval runs of 5,000 problems × 8 rollouts in a fresh
 * database, then the server time of everything the compare page awaits — the two runs, both runs'
 * ProblemRunStat rows (full outer join), the label counts, the bootstrap intervals of four metrics
 * and of their paired differences, the flip counts, one page of the problem table and the scatter
 * points — end to end through loadRunComparison, plus each part on its own. Goal: under 1 s.
 *
 *   npx tsx bench/compare-scale.ts              # seed a fresh database, measure, drop it
 *   npx tsx bench/compare-scale.ts --keep       # keep the database (rlef_bench_compare) afterwards
 *   BENCH_BASE_URL=postgres://… to use another server (default: the project's embedded one)
 */
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { countEpisodesByLabel, problemIdsWithLabel } from "../lib/queries/annotations/annotation-label-counts";
import { countFlips } from "../lib/queries/compare/compare-flips";
import { compareMetrics } from "../lib/queries/compare/compare-metrics";
import { loadProblemPairRows } from "../lib/queries/compare/compare-problem-rows";
import { loadRunComparison } from "../lib/queries/compare/compare-runs";
import { buildCompareTable, compareTableParamsSchema, scatterPoints } from "../lib/queries/compare/compare-table";
import { DEFAULT_COMPARE_SHAPE, seedCompareData } from "./compare-seed";
import { formatTiming, measure, type Timing } from "./scale-measure";

const ROOT = process.cwd();
const DB_NAME = "rlef_bench_compare";
const GOAL_MS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

async function serverUrl(): Promise<string> {
  if (process.env.BENCH_BASE_URL) return process.env.BENCH_BASE_URL;
  const server = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data", "postgres"),
    port: Number(process.env.RLEF_PG_PORT ?? 54329),
    detached: true,
  });
  return server.url;
}

async function main() {
  const keep = process.argv.includes("--keep");
  const base = await serverUrl();
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DB_NAME}"`);
  const url = new URL(base);
  url.pathname = `/${DB_NAME}`;
  process.env.DATABASE_URL = url.toString();
  console.log(`fresh database ${DB_NAME}; migrating…`);
  await applyMigrations(process.env.DATABASE_URL, ROOT);

  const shape = DEFAULT_COMPARE_SHAPE;
  console.log(`seeding ${shape.problems} problems × ${shape.rollouts} rollouts × 2 runs, ${shape.annotations} annotations:`);
  const seeder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await seeder.connect();
  const seedStarted = Date.now();
  await seedCompareData(seeder, shape, (l) => console.log(l));
  await seeder.end();
  console.log(`  seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s\n`);

  // Imported after DATABASE_URL points at the bench database.
  const { getPrisma, disconnectPrisma } = await import("../lib/db/client");
  const db = getPrisma();
  const [a, b] = ["cmp-run-1", "cmp-run-2"];
  const params = compareTableParamsSchema.parse({});
  const flipsPage3 = compareTableParamsSchema.parse({ show: "flips", sort: "delta", page: "3" });
  const labelled = compareTableParamsSchema.parse({ label: "wrong algorithm" });

  const rows = await loadProblemPairRows(db, a, b);
  const timings: [Timing, number | undefined][] = [];
  const time = async (name: string, fn: () => Promise<unknown>, goal?: number) => {
    const t = await measure(name, RUNS, fn, 3);
    timings.push([t, goal]);
    console.log(formatTiming(t, goal));
  };
  console.log(`server time (ms), ${RUNS} runs each after 3 warm-up runs:`);
  await time("compare page: loadRunComparison (everything it awaits)", () => loadRunComparison(db, a, b, params), GOAL_MS);
  await time("compare page, flips only, page 3", () => loadRunComparison(db, a, b, flipsPage3), GOAL_MS);
  await time("compare page, label filter", () => loadRunComparison(db, a, b, labelled), GOAL_MS);
  await time("  part: ProblemRunStat rows of both runs (SQL)", () => loadProblemPairRows(db, a, b));
  await time("  part: label counts (SQL)", () => countEpisodesByLabel(db, [a, b]));
  await time("  part: problems with a label (SQL)", () => problemIdsWithLabel(db, [a, b], "wrong algorithm"));
  await time("  part: 4 metrics × (A, B, paired B − A) bootstraps", async () => compareMetrics(rows));
  await time("  part: flips + table page + scatter points", async () => [
    countFlips(rows),
    buildCompareTable(rows, params),
    scatterPoints(rows),
  ]);

  const result = await loadRunComparison(db, a, b, params);
  if (result.kind !== "ok") throw new Error(`unexpected comparison result: ${result.kind}`);
  const solve = result.metrics.find((m) => m.key === "solveRate")!;
  const payloadBytes = Buffer.byteLength(
    JSON.stringify({ metrics: result.metrics, table: result.table, scatter: result.scatter, labelCounts: result.labelCounts }),
  );
  console.log(
    `\nsanity: ${result.problems} problems, solve rate A ${(solve.a.estimate! * 100).toFixed(1)}% B ${(solve.b.estimate! * 100).toFixed(1)}%, ` +
      `B − A ${(solve.diff.estimate! * 100).toFixed(1)} pp [${(solve.diff.lower! * 100).toFixed(1)}, ${(solve.diff.upper! * 100).toFixed(1)}]; ` +
      `flips A-only ${result.flips.aOnly}, B-only ${result.flips.bOnly}; data handed to the page ${(payloadBytes / 1024).toFixed(0)} KiB (scatter: ${result.scatter.length} points)`,
  );

  await disconnectPrisma();
  if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin.end();
  const over = timings.filter(([t, goal]) => goal !== undefined && t.p95 >= goal);
  console.log(
    over.length
      ? `\n${over.length} measurement(s) OVER the ${GOAL_MS} ms goal`
      : `\nall compare-page measurements under the ${GOAL_MS} ms goal (p95)`,
  );
  process.exitCode = over.length ? 1 : 0;
}

await main();
