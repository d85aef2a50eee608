/**
 * Dashboard scale benchmark (issue 5): seed a separate database with about
 * 1,000,000 turns (350,000 episodes, 20 runs, 5,000 problems), then measure
 * the server-side time of the queries each page awaits, and the episode page's
 * render time in headless Chromium.
 *
 *   npx tsx bench/scale-dashboard.ts            # seed (if needed) + measure
 *   npx tsx bench/scale-dashboard.ts --reseed   # drop and seed again
 *   BENCH_BASE_URL=postgres://… to use another server (default: the embedded one)
 *   --no-render to skip the browser part; BENCH_APP_URL=http://… to time an app already serving
 *   the benchmark database (otherwise `next start` is started here when a build exists, else `next dev`)
 */
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Prisma } from "../lib/db/generated/client";
import { applyMigrations } from "../lib/db/migrate";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { hashPassword } from "../lib/auth/password";
import { makeRandomEpisodes } from "../lib/metrics/make-episodes";
import { summarizeRun } from "../lib/metrics/summarize-run";
import { createSeededRandom } from "../lib/metrics/seeded-random";
import { countEpisodes } from "../lib/queries/episodes/count-episodes";
import { countRuns } from "../lib/queries/runs/count-runs";
import { findAdjacentEpisodes } from "../lib/queries/episodes/find-adjacent-episodes";
import { getEpisodeWithTurns } from "../lib/queries/episodes/get-episode-with-turns";
import { getRun } from "../lib/queries/runs/get-run";
import { listLabelFilterOptions } from "../lib/queries/annotations/list-label-filter-options";
import { listDatasetFacets } from "../lib/queries/datasets/list-dataset-facets";
import { listDatasets } from "../lib/queries/datasets/list-datasets";
import { listEpisodesPage } from "../lib/queries/episodes/list-episodes-page";
import { listRunsPage } from "../lib/queries/runs/list-runs-page";
import type { EpisodeFilters } from "../lib/queries/episodes/episode-filters";
import { encodeCursor } from "../lib/queries/keyset-cursor";
import { createSqlCapturingClient, heavyColumnsIn } from "../lib/queries/sql-capturing-client";
import { makeEpisode } from "../lib/seed/synthetic/synthetic-episode";
import { makeProblem } from "../lib/seed/synthetic/synthetic-problem";
import { DEFAULT_SHAPE, seedScaleData } from "./scale-seed";
import { formatTiming, measure, type Timing } from "./scale-measure";
import { measureEpisodeRender, measureKeyboardStep, startApp } from "./scale-render";

const ROOT = process.cwd();
const DB_NAME = "rlef_bench_scale";
const GOAL_MS = 100;
const RENDER_GOAL_MS = 1500;
const args = new Set(process.argv.slice(2));
const log = (line: string) => console.log(line);
const json = (value: unknown) => value as Prisma.InputJsonValue;

async function baseUrl(): Promise<string> {
  if (process.env.BENCH_BASE_URL) return process.env.BENCH_BASE_URL;
  const server = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data", "postgres"),
    port: Number(process.env.RLEF_PG_PORT ?? 54329),
    detached: true,
  });
  return server.url;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function prepareDatabase(admin: string): Promise<{ url: string; seeded: boolean }> {
  const url = withDatabase(admin, DB_NAME);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  const exists = (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME])).rowCount === 1;
  if (exists && args.has("--reseed")) await client.query(`DROP DATABASE "${DB_NAME}" WITH (FORCE)`);
  if (!exists || args.has("--reseed")) await client.query(`CREATE DATABASE "${DB_NAME}"`);
  await client.end();
  if (exists && !args.has("--reseed")) {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const turns = Number((await db.query(`SELECT count(*) FROM "Turn"`).catch(() => ({ rows: [{ count: 0 }] }))).rows[0].count);
    await db.end();
    if (turns >= 900_000) return { url, seeded: true };
  }
  await applyMigrations(url, ROOT);
  return { url, seeded: false };
}

async function seed(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  log(`seeding ${DB_NAME} (SQL, generate_series)…`);
  await seedScaleData(client, DEFAULT_SHAPE, log);
  // a real summary (the metrics code's own output) on every completed run, so the list reads realistic JSON
  const summary = summarizeRun(makeRandomEpisodes({ seed: 3, problems: 500, rollouts: 4, turnLimit: 3 }), { turnLimit: 3 });
  await client.query(`UPDATE "Run" SET summary = $1 WHERE status = 'COMPLETED'`, [JSON.stringify(summary)]);
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await client.end();
}

/** The episode the render test opens: 3 turns of 300-line programs, each judged on 50 public tests. */
async function seedRenderEpisode(db: ReturnType<typeof createSqlCapturingClient>["db"]): Promise<{ episodeId: string; runId: string }> {
  const existing = await db.episode.findFirst({ where: { problem: { externalId: "scale-render" } }, select: { id: true, runId: true } });
  if (existing) return { episodeId: existing.id, runId: existing.runId };
  const random = createSeededRandom(99);
  const problem = makeProblem(random, 0, { public: 50, private: 10, generated: 10 });
  const row = await db.problem.create({
    data: {
      datasetId: "scale-dataset",
      externalId: "scale-render",
      name: "Render benchmark problem",
      split: "test",
      difficulty: "HARD",
      publicTestCount: 50,
      privateTestCount: 10,
      generatedTestCount: 10,
      description: problem.description,
      publicTests: json(problem.publicTests),
      privateTests: json(problem.privateTests),
      generatedTests: json(problem.generatedTests),
      referenceSolutions: json(problem.referenceSolutions),
      wrongSolutions: [],
    },
  });
  const ep = makeEpisode(random, problem, { passChance: 0, privateFailChance: 1, invalidCodeRate: 0, turnLimit: 3, programLines: 300 });
  const episode = await db.episode.create({
    data: {
      runId: "scale-run-02",
      problemId: row.id,
      sampleIndex: 0,
      status: "COMPLETED",
      turnsUsed: ep.turnsUsed,
      finalReward: ep.finalReward,
      solved: ep.solved,
      passedPublic: ep.passedPublic,
      invalidCode: ep.invalidCode,
      firstErrorKind: ep.firstErrorKind,
    },
  });
  for (const t of ep.turns) {
    await db.turn.create({
      data: {
        ...t,
        episodeId: episode.id,
        messages: json(t.messages),
        testResults: json(t.testResults),
        finalResults: t.finalResults ? json(t.finalResults) : undefined,
        rewardParts: json(t.rewardParts),
      },
    });
  }
  return { episodeId: episode.id, runId: "scale-run-02" };
}

async function main() {
  const admin = await baseUrl();
  const { url, seeded } = await prepareDatabase(admin);
  if (!seeded) await seed(url);
  const capture = createSqlCapturingClient(url);
  const db = capture.db;
  const render = await seedRenderEpisode(db);
  const counts = await db.$queryRawUnsafe<{ runs: bigint; problems: bigint; episodes: bigint; turns: bigint }[]>(
    `SELECT (SELECT count(*) FROM "Run") runs, (SELECT count(*) FROM "Problem") problems, (SELECT count(*) FROM "Episode") episodes, (SELECT count(*) FROM "Turn") turns`,
  );
  const c = counts[0];
  const size = await db.$queryRawUnsafe<{ size: string }[]>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
  log(`\ndatabase ${DB_NAME}: ${c.runs} runs, ${c.problems} problems, ${c.episodes} episodes, ${c.turns} turns (${size[0].size})\n`);

  const runIds = (await db.run.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
  const random = createSeededRandom(1);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const sampleEpisodeIds = (await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Episode" TABLESAMPLE SYSTEM (1) LIMIT 400`)).map(
    (r) => r.id,
  );
  const N = Number(process.env.BENCH_RUNS ?? 200);
  const loadBefore = os.loadavg()[0].toFixed(1);
  const results: [Timing, number?][] = [];

  // What each page awaits before it can render (see components/*/…Page.tsx).
  results.push([
    await measure("runs list page (rows + headline metrics + count + datasets)", N, () =>
      Promise.all([listRunsPage(db, {}), countRuns(db, {}), listDatasets(db)]),
    ),
    GOAL_MS,
  ]);
  const secondPage = (await listRunsPage(db, { filters: { kind: "EVAL", status: "COMPLETED" }, limit: 5 })).nextCursor;
  results.push([
    await measure("runs list, 2nd page by cursor, filtered to completed evals", N, () =>
      listRunsPage(db, { filters: { kind: "EVAL", status: "COMPLETED" }, limit: 5, after: secondPage }),
    ),
  ]);

  const filterSets: [string, EpisodeFilters][] = [
    ["failed + first error wrong answer", { outcome: "failed", error: "WRONG_ANSWER" }],
    ["solved in 2 turns + passed public", { outcome: "solved", turns: 2, public: "yes" }],
    ["invalid code", { invalid: "yes" }],
    ["difficulty HARD (problem relation)", { difficulty: "HARD" }],
    ["label good-repair (annotation relation)", { label: "good-repair" }],
  ];
  for (const [label, filters] of filterSets) {
    // a page deep in the list: the cursor of a random episode id of that run
    // half the requests read the first page, half a page deep in the list (cursor at a random episode of the run)
    const cursors = await Promise.all(
      runIds.map(async (runId) => {
        const ids = (await listEpisodesPage(db, { runId, filters, limit: 200 })).rows.map((r) => r.id);
        return ids.length ? encodeCursor([null, ids[Math.floor(ids.length / 2)]]) : null;
      }),
    );
    results.push([
      await measure(`episode table page: ${label}`, N, (i) => {
        const r = Math.floor(random() * runIds.length);
        return listEpisodesPage(db, { runId: runIds[r], filters, after: i % 2 === 0 ? null : cursors[r], limit: 50 });
      }),
      GOAL_MS,
    ]);
  }
  results.push([
    await measure("episode table count (own request): failed + wrong answer", N, () =>
      countEpisodes(db, { runId: pick(runIds) }, { outcome: "failed", error: "WRONG_ANSWER" }),
    ),
  ]);
  results.push([
    await measure("run page header data (run + facets + labels)", N, () =>
      Promise.all([getRun(db, pick(runIds)), listDatasetFacets(db, "scale-dataset"), listLabelFilterOptions(db)]),
    ),
  ]);
  results.push([
    await measure("episode page query (episode + turns + tests + neighbours)", N, async () => {
      const episode = await getEpisodeWithTurns(db, pick(sampleEpisodeIds));
      return findAdjacentEpisodes(db, episode!.id, { runId: episode!.runId }, { outcome: "failed" });
    }),
    GOAL_MS,
  ]);
  results.push([
    await measure("episode page query, render episode (300 lines, 50 tests)", N, async () => {
      const episode = await getEpisodeWithTurns(db, render.episodeId);
      return findAdjacentEpisodes(db, episode!.id, { runId: episode!.runId }, {});
    }),
    GOAL_MS,
  ]);

  log(
    `server-side query time (what each page awaits), warm, in-process via Prisma + adapter-pg; load average ${loadBefore} before, ${os.loadavg()[0].toFixed(1)} after, ${os.cpus().length} cores:`,
  );
  for (const [t, goal] of results) log(formatTiming(t, goal));

  // The SQL of the list queries, read at the driver: no heavy column appears.
  capture.reset();
  await listRunsPage(db, {});
  await listEpisodesPage(db, { runId: runIds[0], filters: { outcome: "failed", error: "WRONG_ANSWER" } });
  const heavy = capture.statements.flatMap((sql) => heavyColumnsIn(sql));
  log(`\nlist queries sent ${capture.statements.length} statements; heavy columns read: ${heavy.length ? heavy.join(", ") : "none"}`);
  if (args.has("--show-sql")) for (const sql of capture.statements) log(`  ${sql}`);

  if (!args.has("--no-render")) {
    const password = "bench-viewer-password";
    await db.user.upsert({
      where: { email: "bench@localhost" },
      create: { email: "bench@localhost", passwordHash: await hashPassword(password), role: "VIEWER" },
      update: { passwordHash: await hashPassword(password) },
    });
    // BENCH_APP_URL: an app already serving this database (e.g. a production build started elsewhere)
    const app = process.env.BENCH_APP_URL
      ? {
          url: process.env.BENCH_APP_URL,
          mode: (process.env.BENCH_APP_MODE ?? "production") as "production" | "development",
          stop: async () => {},
        }
      : await startApp(ROOT, url, Number(process.env.BENCH_PORT ?? 3917));
    try {
      const credentials = { email: "bench@localhost", password };
      const renderPath = `/episodes/${render.episodeId}?run=${render.runId}`;
      const { cold, warm } = await measureEpisodeRender(app, renderPath, credentials, Number(process.env.BENCH_RENDER_RUNS ?? 10));
      // step onto the render episode from whichever neighbour it has (k from the next one, j from the previous one)
      const around = await findAdjacentEpisodes(db, render.episodeId, { runId: render.runId }, {});
      const from = around.nextId
        ? { id: around.nextId, key: "k" as const }
        : around.previousId
          ? { id: around.previousId, key: "j" as const }
          : null;
      const step = from
        ? await measureKeyboardStep(
            app,
            `/episodes/${from.id}?run=${render.runId}`,
            from.key,
            "Render benchmark problem",
            credentials,
            Number(process.env.BENCH_RENDER_RUNS ?? 10),
          )
        : null;
      log(
        `\nepisode page in headless Chromium against \`next ${app.mode === "production" ? "start" : "dev"}\` (${app.mode} build), load average ${os.loadavg()[0].toFixed(1)}:`,
      );
      log(`  first load (cold: Monaco's files fetched${app.mode === "development" ? ", route compiled" : ""}): ${cold.toFixed(0)} ms`);
      log(formatTiming(warm, RENDER_GOAL_MS));
      if (step) log(formatTiming(step, RENDER_GOAL_MS));
    } finally {
      await app.stop();
    }
  }
  await capture.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
