/**
 * Sign-in flood benchmark (issue 13 item 4): while 20 clients send wrong passwords in parallel, how
 * much slower does a signed-in user's page get? Prints p50/p95 of that page, quiet and during the
 * flood, and the ratio (goal: p95 under 2× quiet). Loopback only and bounded: its own database and
 * app (bin/web-server.js, as `rlef start` runs it), a fixed number of page loads per phase, the flood
 * stops when they are done.
 *
 *   npx tsx bench/sign-in-flood.ts        (needs `next build` first)
 *   BENCH_PG_PORT / BENCH_PG_DATA: the embedded Postgres to use (default RLEF_PG_PORT, .data/postgres)
 *   BENCH_PORT: the app's port (default PORT or 3917); BENCH_PAGE_LOADS: loads per phase (default 40)
 *
 * Phases: (1) 20 parallel guesses at one account, (2) 20 parallel guesses at fresh unknown emails
 * (credential stuffing: only the per-address limit applies), both with the default throttle; (3) the
 * throttle switched off (RLEF_SIGNIN_FREE_PER_* huge), so every guess is really hashed: what keeping
 * the hashing off the event loop and bounded (lib/auth/hash-slots.ts) is worth on its own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/migrate";
import { httpSignIn, loginFormFields } from "../lib/testing/http-sign-in";

const ROOT = process.cwd();
const DB_NAME = "rlef_bench_sign_in_flood";
const PORT = Number(process.env.BENCH_PORT ?? process.env.PORT ?? 3917);
const APP = `http://127.0.0.1:${PORT}`;
const LOADS = Number(process.env.BENCH_PAGE_LOADS ?? 40);
const FLOOD = 20;
const PAGE = "/runs";

async function prepareDatabase(): Promise<string> {
  const server = await startEmbeddedPostgres({
    dataDir: process.env.BENCH_PG_DATA ?? path.join(ROOT, ".data", "postgres"),
    port: Number(process.env.BENCH_PG_PORT ?? process.env.RLEF_PG_PORT ?? 54329),
    detached: true,
  });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DB_NAME}"`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${DB_NAME}`;
  await applyMigrations(url.toString(), ROOT);
  return url.toString();
}

async function startApp(databaseUrl: string, env: Record<string, string>): Promise<() => Promise<void>> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "bin", "web-server.js"), "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}); run \`next build\` first`);
    try {
      if ((await fetch(`${APP}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error("the app did not start within 120 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** LOADS sequential loads of the signed-in user's page; their times in ms, sorted. */
async function pageTimes(cookie: string, loads = LOADS): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < loads; i++) {
    const started = performance.now();
    const res = await fetch(`${APP}${PAGE}`, { headers: { cookie } });
    await res.text();
    if (res.status !== 200) throw new Error(`${PAGE} answered ${res.status}: is the session still valid?`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

interface FloodStats {
  attempts: number;
  wrong: number;
  throttled: number;
  other: number;
}

/** FLOOD clients sending wrong passwords back to back until `stop` resolves. */
function flood(target: () => string, fields: [string, string][], stop: Promise<void>): Promise<FloodStats> {
  const stats: FloodStats = { attempts: 0, wrong: 0, throttled: 0, other: 0 };
  let done = false;
  void stop.then(() => (done = true));
  const client = async () => {
    while (!done) {
      const r = await httpSignIn(APP, target(), "not the password", { fields }).catch(() => null);
      stats.attempts++;
      if (r?.body.includes("too many sign-in attempts")) stats.throttled++;
      else if (r?.body.includes("wrong email or password")) stats.wrong++;
      else stats.other++;
    }
  };
  return Promise.all(Array.from({ length: FLOOD }, client)).then(() => stats);
}

const ms = (v: number) => `${v.toFixed(0)} ms`;

async function phase(name: string, db: pg.Client, cookie: string, target: () => string): Promise<number> {
  await db.query(`DELETE FROM "SignInThrottle"`);
  const fields = await loginFormFields(APP);
  await pageTimes(cookie, 5); // warm
  const quiet = await pageTimes(cookie);
  let stop!: () => void;
  const stopped = new Promise<void>((r) => (stop = r));
  const flooding = flood(target, fields, stopped);
  await new Promise((r) => setTimeout(r, 500)); // let the flood get going
  const loud = await pageTimes(cookie);
  stop();
  const stats = await flooding;
  const ratio = percentile(loud, 95) / percentile(quiet, 95);
  console.log(`\n${name} (load average ${os.loadavg()[0].toFixed(1)})`);
  console.log(`  quiet:       p50 ${ms(percentile(quiet, 50))}, p95 ${ms(percentile(quiet, 95))} (${LOADS} loads of ${PAGE})`);
  console.log(
    `  flood of ${FLOOD}: p50 ${ms(percentile(loud, 50))}, p95 ${ms(percentile(loud, 95))}; ${stats.attempts} guesses (${stats.wrong} checked and wrong, ${stats.throttled} throttled, ${stats.other} other)`,
  );
  console.log(`  p95 ratio flood/quiet: ${ratio.toFixed(2)}× (goal < 2×) ${ratio < 2 ? "OK" : "OVER"}`);
  return ratio;
}

async function main() {
  const databaseUrl = await prepareDatabase();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const password = "bench-viewer-password";
  await db.query(
    `INSERT INTO "User" (id, email, "passwordHash", role) VALUES ('bench-viewer', 'bench-viewer@localhost', $1, 'VIEWER'), ('bench-target', 'bench-target@localhost', $1, 'VIEWER')`,
    [await hashPassword(password)],
  );
  console.log(`sign-in flood benchmark: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}, app on ${APP}`);
  const ratios: number[] = [];
  for (const [label, env] of [
    ["default throttle", {}],
    ["throttle off (every guess hashed)", { RLEF_SIGNIN_FREE_PER_ACCOUNT: "1000000000", RLEF_SIGNIN_FREE_PER_ADDRESS: "1000000000" }],
  ] as const) {
    const stopApp = await startApp(databaseUrl, env);
    try {
      // the previous app's flood left this address throttled: the bench user must get in first
      await db.query(`DELETE FROM "SignInThrottle"`);
      const signedIn = await httpSignIn(APP, "bench-viewer@localhost", password);
      if (!signedIn.cookie) throw new Error(`the bench user could not sign in (HTTP ${signedIn.status})`);
      if (label === "default throttle") {
        ratios.push(await phase(`[${label}] 20 parallel guesses at one account`, db, signedIn.cookie, () => "bench-target@localhost"));
        ratios.push(
          await phase(`[${label}] 20 parallel guesses at unknown emails`, db, signedIn.cookie, () => `nobody-${randomUUID()}@localhost`),
        );
      } else {
        ratios.push(
          await phase(`[${label}] 20 parallel guesses at unknown emails`, db, signedIn.cookie, () => `nobody-${randomUUID()}@localhost`),
        );
      }
    } finally {
      await stopApp();
    }
  }
  await db.end();
  console.log(`\nworst p95 ratio: ${Math.max(...ratios).toFixed(2)}× (load average now ${os.loadavg()[0].toFixed(1)})`);
}

await main();
