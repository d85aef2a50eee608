import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserWithSession } from "../../lib/actions/testing/action-fixtures";
import { SESSION_COOKIE } from "../../lib/auth/session-token";
import { disconnectPrisma, getPrisma, type Db } from "../../lib/db/client";
import { embeddedPostgresUrl } from "../../lib/db/embedded-postgres";
import { enqueue, stopBoss } from "../../lib/jobs/boss";
import { QUEUES } from "../../lib/jobs/queues";
import { createEvalRun } from "../../lib/runs/create-eval-run";
import { createTestDataset, SUM_REFERENCE, SUM_WRONG } from "../../lib/testing/create-test-dataset";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../../lib/testing/fake-openai/start-fake-openai-server";

// Fault injection (issue 13.5): `rlef start` with its own embedded Postgres, web and worker; the test
// SIGKILLs the web, then the worker, then Postgres by pid while an eval run is in flight. Each comes
// back by itself, and the run still ends with exactly rollouts × problems episodes and no turn twice.
const PROBLEMS = 15;
const ROLLOUTS = 4;
const TOTAL = PROBLEMS * ROLLOUTS;

// the test seals a session cookie the web app accepts: both use this key
process.env.RLEF_SECRET_KEY = "fault-injection-secret-key-0123456789abcdef";
const home = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-faults-"));
fs.chmodSync(home, 0o755); // as root the server runs as `postgres`, which must reach its data directory
const dataDir = path.join(home, "postgres");
let parent: ChildProcess;
let output = "";
let pgPort = 0;
let webPort = 0;
let fake: FakeOpenAIServer;
let db: Db;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

// generous: a worker's start (tsx, migrations) takes seconds on a quiet machine but a minute on a loaded one
async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 180_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    // the database is killed on purpose: a failed look counts as "not yet"
    const value = await fn().catch(() => null);
    if (value) return value;
    if (parent.exitCode !== null || parent.signalCode !== null)
      throw new Error(`rlef start exited (${parent.exitCode ?? parent.signalCode}) while waiting for ${what}:\n${output.slice(-4000)}`);
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}:\n${output.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The pid rlef start last reported for a child ("processes: database 1, web 2, …" or "the web is back (pid 3)"). */
function reportedPid(name: string, after = 0): number | null {
  const text = output.slice(after);
  const back = [...text.matchAll(new RegExp(`the ${name} is back \\(pid (\\d+)\\)`, "g"))].pop();
  if (back) return Number(back[1]);
  const first = new RegExp(`processes: .*\\b${name} (\\d+)`).exec(text);
  return first ? Number(first[1]) : null;
}

function postmasterPid(): number {
  return Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

const progress = async () => (await db.run.findFirstOrThrow({ where: { kind: "EVAL" }, orderBy: { createdAt: "desc" } })).progressDone;

async function webAnswers(): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${webPort}/login`, { signal: AbortSignal.timeout(5000) });
  return res.status === 200;
}

/** The web app reads the database: the runs list a signed-in viewer polls names our run. */
async function webReadsRun(token: string, runId: string): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${webPort}/api/runs`, {
    headers: { cookie: `${SESSION_COOKIE}=${token}` },
    signal: AbortSignal.timeout(5000),
  });
  return res.status === 200 && (await res.text()).includes(runId);
}

beforeAll(async () => {
  pgPort = await freePort();
  webPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RLEF_PG_PORT: String(pgPort),
    RLEF_PG_DATA: dataDir,
    RLEF_LEASE_MS: "3000",
    RLEF_ADMIN_PASSWORD: "fault-injection-admin",
  };
  delete env.DATABASE_URL; // the embedded server of this test's own data directory
  parent = spawn(process.execPath, [path.join(process.cwd(), "bin", "rlef.js"), "start", "--no-demo", "--port", String(webPort)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const t0 = Date.now();
  const collect = (d: Buffer) => {
    output += d.toString();
    if (process.env.RLEF_TEST_LOG) process.stderr.write(`[start +${Date.now() - t0}ms] ${d}`);
  };
  parent.stdout!.on("data", collect);
  parent.stderr!.on("data", collect);
  // a first start may build the web app (next build): minutes, once per checkout
  await until("rlef start to be up", async () => output.includes("RLEF Studio is running"), 600_000);
  await until("the worker to serve its queues", async () => /\[worker\] \S+ serving eval-run/.test(output));
  process.env.DATABASE_URL = embeddedPostgresUrl(dataDir, pgPort);
  db = getPrisma();
  fake = await startFakeOpenAIServer({
    respond: (req) => ({
      delayMs: 250,
      content: `\`\`\`python\n${req.messages.length === 1 && req.index % 3 === 0 ? SUM_WRONG : SUM_REFERENCE}\n\`\`\``,
    }),
  });
}, 900_000);

afterAll(async () => {
  await stopBoss().catch(() => {});
  await disconnectPrisma().catch(() => {});
  if (parent && parent.exitCode === null && parent.signalCode === null) {
    const exited = new Promise((resolve) => parent.once("exit", resolve));
    parent.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    parent.kill("SIGKILL");
  }
  // after a failure nothing may be left holding the data directory we are about to remove
  try {
    process.kill(postmasterPid(), "SIGKILL");
  } catch {
    /* not running */
  }
  await fake?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe("rlef start under faults", () => {
  it("restarts the web, the worker and Postgres after kill -9, and the run ends with every episode once", async () => {
    const timings: Record<string, number> = {};
    const ds = await createTestDataset(db, { problems: PROBLEMS });
    const run = await createEvalRun(db, {
      dataset: ds.name,
      rolloutsPerProblem: ROLLOUTS,
      concurrency: 2,
      policy: { kind: "openai", baseUrl: fake.baseUrl, model: "m" },
    });
    await enqueue(QUEUES.evalRun, { runId: run.id });
    await stopBoss(); // the test's own queue connection would only add noise while Postgres is away
    const viewer = await createUserWithSession(db, "VIEWER");
    const started = Date.now();

    // 1. the web
    await until("some progress", async () => (await progress()) >= 5);
    let mark = output.length;
    const web = reportedPid("web")!;
    process.kill(web, "SIGKILL");
    let t = Date.now();
    expect(await progress()).toBeLessThan(TOTAL);
    await until("the web to come back", async () => reportedPid("web", mark) !== null && (await webAnswers()));
    timings.webBackMs = Date.now() - t;
    expect(reportedPid("web", mark)).not.toBe(web);
    await until("the restarted web to read the database", () => webReadsRun(viewer.token, run.id));

    // 2. the worker, mid-run: its lease runs out (3 s here) and the restarted worker resumes the run
    await until("more progress", async () => (await progress()) >= 20);
    mark = output.length;
    const worker = reportedPid("worker")!;
    const atWorkerKill = await progress();
    process.kill(worker, "SIGKILL");
    t = Date.now();
    expect(atWorkerKill).toBeLessThan(TOTAL);
    await until("the worker to come back", async () => reportedPid("worker", mark) !== null);
    timings.workerBackMs = Date.now() - t;
    await until("progress after the worker restart", async () => (await progress()) > atWorkerKill);
    timings.workerProgressMs = Date.now() - t;

    // 3. Postgres itself: the web and the worker stay up and reconnect
    await until("more progress", async () => (await progress()) >= 35);
    mark = output.length;
    const atDbKill = await progress();
    const webBefore = reportedPid("web")!;
    const workerBefore = reportedPid("worker")!;
    process.kill(postmasterPid(), "SIGKILL");
    t = Date.now();
    expect(atDbKill).toBeLessThan(TOTAL);
    await until("Postgres to come back", async () => reportedPid("database", mark) !== null);
    timings.databaseBackMs = Date.now() - t;
    await until("progress after the Postgres restart", async () => (await progress()) > atDbKill);
    timings.databaseProgressMs = Date.now() - t;
    // the web app's pool reconnects: the first query after the restart may still meet a dead socket
    await until("the web to read the database again", () => webReadsRun(viewer.token, run.id), 60_000);
    timings.webReadsAgainMs = Date.now() - t;
    expect(output.slice(mark)).not.toMatch(/the (web|worker) (was killed|exited)/); // neither fell over with it
    expect([reportedPid("web"), reportedPid("worker")]).toEqual([webBefore, workerBefore]);

    const done = await until("the run to complete", async () => {
      const r = await db.run.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "COMPLETED" || r.status === "FAILED" ? r : null;
    });
    timings.runMs = Date.now() - started;
    expect(done).toMatchObject({ status: "COMPLETED", progressDone: TOTAL, progressErrored: 0, error: null });
    const episodes = await db.episode.findMany({ where: { runId: run.id }, include: { turns: { select: { index: true } } } });
    expect(episodes).toHaveLength(TOTAL);
    expect(new Set(episodes.map((e) => `${e.problemId}:${e.sampleIndex}`)).size).toBe(TOTAL);
    for (const e of episodes) {
      expect(e.status).toBe("COMPLETED");
      expect(e.turns.map((x) => x.index).sort()).toEqual(Array.from({ length: e.turnsUsed }, (_, i) => i));
    }
    const stats = await db.problemRunStat.aggregate({ where: { runId: run.id }, _sum: { episodes: true } });
    expect(stats._sum.episodes).toBe(TOTAL);

    // a clean stop still works after all that: everything down, exit code 0
    t = Date.now();
    parent.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => parent.once("exit", (c) => resolve(c)));
    timings.stopMs = Date.now() - t;
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
    console.log(`[faults] ${JSON.stringify(timings)}`);
  }, 900_000);
});
