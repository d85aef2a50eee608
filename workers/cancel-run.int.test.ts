import { execFile, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma, type Db } from "../lib/db/client";
import { enqueue, stopBoss } from "../lib/jobs/boss";
import { QUEUES } from "../lib/jobs/queues";
import { createEvalRun } from "../lib/runs/create-eval-run";
import { createTestDataset, SUM_REFERENCE } from "../lib/testing/create-test-dataset";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../lib/testing/fake-openai/start-fake-openai-server";
import { useIsolatedDatabase } from "../lib/testing/use-isolated-database";
import { until } from "../lib/testing/until";

// Cancelling end to end: a real worker process runs the job, `rlef cancel` (the CLI, a process of its own)
// marks the run, the worker stops at its heartbeat. The worker resumes whatever it finds: own database.
let db: Db;
const children: ChildProcess[] = [];
const servers: FakeOpenAIServer[] = [];
beforeAll(async () => {
  await useIsolatedDatabase();
  db = getPrisma();
});
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await Promise.all(servers.map((s) => s.close()));
  await stopBoss();
});

const rlef = (args: string[]) =>
  promisify(execFile)(process.execPath, [path.join(process.cwd(), "bin", "rlef.js"), ...args], { env: process.env })
    .then(({ stdout }) => ({ code: 0, stdout }))
    .catch((err: { code?: number; stdout?: string; stderr?: string }) => ({
      code: err.code ?? -1,
      stdout: `${err.stdout ?? ""}${err.stderr ?? ""}`,
    }));

function startWorker(): ChildProcess {
  // a 1.2 s lease: the heartbeat (a sixth of it, at least 200 ms) notices a cancel within a fraction of a second
  const child = spawn(process.execPath, [path.join(process.cwd(), "bin", "rlef.js"), "worker"], {
    env: { ...process.env, RLEF_LEASE_MS: "1200" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = (d: Buffer) => process.stderr.write(`[worker ${child.pid}] ${d}`);
  child.stdout?.on("data", log);
  child.stderr?.on("data", log);
  children.push(child);
  return child;
}

const row = (id: string) => db.run.findUniqueOrThrow({ where: { id } });

describe("rlef cancel <run>", () => {
  it("stops a running job: the worker aborts, the run ends CANCELLED with its finished episodes, no more requests", async () => {
    const ds = await createTestDataset(db, { problems: 10 });
    const server = await startFakeOpenAIServer({ respond: () => ({ delayMs: 150, content: `\`\`\`python\n${SUM_REFERENCE}\n\`\`\`` }) });
    servers.push(server);
    const run = await createEvalRun(db, {
      dataset: ds.name,
      rolloutsPerProblem: 4,
      concurrency: 1,
      policy: { kind: "openai", baseUrl: server.baseUrl, model: "m" },
    });
    await enqueue(QUEUES.evalRun, { runId: run.id });
    startWorker();
    await until("a few episodes", async () => (await row(run.id)).progressDone >= 3);

    const cancelled = await rlef(["cancel", run.id, "--json"]);
    expect(cancelled.code).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toEqual({ runId: run.id, status: "CANCELLED", changed: true });

    // the worker lets go of the run (its lease is released when the aborted handler returns)
    const stopped = await until("the worker to let go", async () => {
      const r = await row(run.id);
      return r.leaseOwner === null ? r : null;
    });
    expect(stopped.status).toBe("CANCELLED");
    expect(stopped.statusReason).toMatch(/^cancelled from the CLI by /);
    expect(stopped.finishedAt).not.toBeNull();
    const requestsAtStop = server.requests.length;
    const episodesAtStop = await db.episode.count({ where: { runId: run.id, status: "COMPLETED" } });
    expect(episodesAtStop).toBeGreaterThanOrEqual(3);
    expect(episodesAtStop).toBeLessThan(40);
    await new Promise((r) => setTimeout(r, 1500));
    expect(server.requests.length).toBe(requestsAtStop);
    expect(await db.episode.count({ where: { runId: run.id, status: "COMPLETED" } })).toBe(episodesAtStop);
    expect((await row(run.id)).status).toBe("CANCELLED");

    // a run that has ended is left alone
    const again = await rlef(["cancel", run.id]);
    expect(again).toEqual({ code: 0, stdout: `run ${run.id} is CANCELLED: nothing to cancel\n` });
  }, 300_000);

  it("a queued job whose run was cancelled is skipped by the worker: no episode is played", async () => {
    // no worker may pick the run up (the reaper resumes unenqueued runs) before it is cancelled
    for (const c of children.splice(0)) c.kill("SIGKILL");
    const ds = await createTestDataset(db, { problems: 2 });
    const server = await startFakeOpenAIServer({ respond: () => `\`\`\`python\n${SUM_REFERENCE}\n\`\`\`` });
    servers.push(server);
    const run = await createEvalRun(db, { dataset: ds.name, policy: { kind: "openai", baseUrl: server.baseUrl, model: "m" } });
    expect((await rlef(["cancel", run.id])).stdout).toBe(`run ${run.id} CANCELLED\n`);
    await enqueue(QUEUES.evalRun, { runId: run.id });
    startWorker();
    await until("the job to be handled", async () => {
      const jobs = await db.$queryRaw<{ state: string }[]>`SELECT state::text AS state FROM pgboss.job WHERE data->>'runId' = ${run.id}`;
      return jobs.length > 0 && jobs.every((j) => j.state === "completed");
    });
    expect(await row(run.id)).toMatchObject({ status: "CANCELLED", progressDone: 0 });
    expect(await db.episode.count({ where: { runId: run.id } })).toBe(0);
    expect(server.requests).toHaveLength(0);
  }, 300_000);

  it("says so, with exit status 1, for a run that does not exist", async () => {
    const missing = await rlef(["cancel", "no-such-run"]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("no run with id no-such-run");
  }, 120_000);
});
