import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigValidationError } from "../lib/config/config-error";
import { getPrisma, type Db } from "../lib/db/client";
import { enqueue, stopBoss } from "../lib/jobs/boss";
import { QUEUES } from "../lib/jobs/queues";
import { createEvalRun } from "../lib/runs/create-eval-run";
import { createTestDataset, SUM_REFERENCE, SUM_WRONG } from "../lib/testing/create-test-dataset";
import { startFakeOpenAIServer } from "../lib/testing/fake-openai/start-fake-openai-server";
import { startTrainer, type TrainerProcess } from "../lib/testing/start-trainer";
import { useIsolatedDatabase } from "../lib/testing/use-isolated-database";
import { until } from "../lib/testing/until";

// The workers started here resume whatever runs they find: give them a database no other test uses.
let db: Db;
beforeAll(async () => {
  await useIsolatedDatabase();
  db = getPrisma();
});
const children: ChildProcess[] = [];
const trainers: TrainerProcess[] = [];
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await Promise.all(trainers.map((t) => t.kill()));
  await stopBoss();
});

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [path.join(process.cwd(), "bin", "rlef.js"), "worker"], {
    env: { ...process.env, RLEF_LEASE_MS: "3000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const t0 = Date.now();
  const log = (d: Buffer) => process.stderr.write(`[worker ${child.pid} +${Date.now() - t0}ms] ${d}`);
  child.stdout?.on("data", log);
  child.stderr?.on("data", log);
  children.push(child);
  return child;
}

describe("the worker", () => {
  it("processes a job enqueued before it started, and after being killed mid-run another worker finishes it without duplicates", async () => {
    const ds = await createTestDataset(db, { problems: 10 });
    // each reply takes 100 ms, so the run lasts long enough to be interrupted
    const server = await startFakeOpenAIServer({
      respond: (req) => ({
        delayMs: 100,
        content: `\`\`\`python\n${req.messages.length === 1 && req.index % 3 === 0 ? SUM_WRONG : SUM_REFERENCE}\n\`\`\``,
      }),
    });
    const run = await createEvalRun(db, {
      dataset: ds.name,
      rolloutsPerProblem: 4,
      concurrency: 2,
      policy: { kind: "openai", baseUrl: server.baseUrl, model: "m" },
    });
    await enqueue(QUEUES.evalRun, { runId: run.id }); // no worker is running yet

    const first = startWorker();
    await until("some progress", async () => (await db.run.findUniqueOrThrow({ where: { id: run.id } })).progressDone >= 8);
    first.kill("SIGKILL");
    const atKill = (await db.run.findUniqueOrThrow({ where: { id: run.id } })).progressDone;
    expect(atKill).toBeLessThan(40);

    startWorker();
    const done = await until("completion", async () => {
      const r = await db.run.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "COMPLETED" ? r : null;
    });
    expect(done.progressDone).toBe(40);
    expect(done.progressErrored).toBe(0);
    const episodes = await db.episode.findMany({ where: { runId: run.id }, include: { turns: { select: { index: true } } } });
    expect(episodes).toHaveLength(40);
    expect(new Set(episodes.map((e) => `${e.problemId}:${e.sampleIndex}`)).size).toBe(40);
    for (const e of episodes) {
      expect(e.status).toBe("COMPLETED");
      expect(e.turns.map((t) => t.index).sort()).toEqual(Array.from({ length: e.turnsUsed }, (_, i) => i));
    }
    const stats = await db.problemRunStat.aggregate({ where: { runId: run.id }, _sum: { episodes: true } });
    expect(stats._sum.episodes).toBe(40);
    await server.close();
  }, 150_000);

  it("retries a run whose trainer is down with backoff (a transient error), and finishes it once the trainer is up", async () => {
    const ds = await createTestDataset(db, { problems: 2 });
    // a checkpoint eval asks the trainer what it serves before the first episode: the trainer is not there yet
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const baseUrl = `http://127.0.0.1:${port}`;
    const training = await db.run.create({
      data: { kind: "TRAIN", name: "t", config: {}, datasetId: ds.id, split: "test", policyLabel: "trainer:tiny", status: "COMPLETED" },
    });
    const checkpoint = await db.checkpoint.create({ data: { runId: training.id, step: 0, path: "/nowhere" } });
    const run = await createEvalRun(
      db,
      {
        dataset: ds.name,
        policy: { kind: "trainer", baseUrl },
        environment: { turnLimit: 1 },
        sampling: { maxTokens: 8 },
      },
      { checkpointId: checkpoint.id },
    );
    await enqueue(QUEUES.evalRun, { runId: run.id });
    startWorker();
    const job = async () =>
      (
        await db.$queryRaw<{ state: string; retry_count: number }[]>`
      SELECT state::text AS state, retry_count FROM pgboss.job WHERE data->>'runId' = ${run.id} ORDER BY retry_count DESC`
      )[0];
    await until("the first attempt to fail and wait for its retry", async () => (await job())?.state === "retry");
    const waiting = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(["QUEUED", "RUNNING"]).toContain(waiting.status);
    expect(waiting.error).toBeNull();

    const tiny = [
      "--model",
      "builtin:tiny",
      "--tiny-d-model",
      "32",
      "--tiny-layers",
      "1",
      "--tiny-heads",
      "2",
      "--tiny-d-ff",
      "64",
      "--seed",
      "1",
    ];
    trainers.push(await startTrainer([...tiny, "--port", String(port)]));
    const done = await until(
      "completion after the retry",
      async () => {
        const r = await db.run.findUniqueOrThrow({ where: { id: run.id } });
        return r.status === "COMPLETED" || r.status === "FAILED" ? r : null;
      },
      120_000,
    );
    expect(done).toMatchObject({ status: "COMPLETED", progressDone: 2, error: null });
    // pg-boss retried the job (the reaper may add a duplicate job while the first is being claimed: the lease makes it a no-op)
    // The run is marked COMPLETED inside the handler, just before pg-boss marks the job: wait for that.
    const jobs = await until(
      "every job of the run completed",
      async () => {
        const rows = await db.$queryRaw<{ state: string; retry_count: number }[]>`
          SELECT state::text AS state, retry_count FROM pgboss.job WHERE data->>'runId' = ${run.id}`;
        return rows.length > 0 && rows.every((j) => j.state === "completed") ? rows : null;
      },
      30_000,
    );
    expect(Math.max(...jobs.map((j) => j.retry_count))).toBeGreaterThanOrEqual(1);
  }, 200_000);

  it("fails a run whose stored data is broken at once, with the reason, and does not retry it", async () => {
    const ds = await createTestDataset(db, { problems: 1 });
    await db.problem.updateMany({ where: { datasetId: ds.id }, data: { publicTests: { not: "a list" } } });
    const run = await createEvalRun(db, { dataset: ds.name, policy: { kind: "demo" } });
    await enqueue(QUEUES.evalRun, { runId: run.id });
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) startWorker();
    const failed = await until("the run to fail", async () => {
      const r = await db.run.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "FAILED" ? r : null;
    });
    expect(failed.error).toMatch(/^invalid stored data in problem P000 \(\w+\): publicTests: /);
    const [job] = await db.$queryRaw<{ state: string; retry_count: number }[]>`
      SELECT state::text AS state, retry_count FROM pgboss.job WHERE data->>'runId' = ${run.id}`;
    expect(job).toEqual({ state: "completed", retry_count: 0 });
  });

  it("refuses a zod-invalid config with field-level errors and writes nothing", async () => {
    const before = await db.run.count();
    const attempt = createEvalRun(db, { dataset: "", rolloutsPerProblem: 0, policy: { kind: "openai", baseUrl: "not a url" } });
    await expect(attempt).rejects.toBeInstanceOf(ConfigValidationError);
    const err = (await attempt.catch((e) => e)) as ConfigValidationError;
    expect(Object.keys(err.fieldErrors).sort()).toEqual(["dataset", "policy.baseUrl", "policy.model", "rolloutsPerProblem"]);
    await expect(createEvalRun(db, { dataset: "no-such-dataset", policy: { kind: "demo" } })).rejects.toThrow(/dataset: no dataset named/);
    expect(await db.run.count()).toBe(before);
  });
});
