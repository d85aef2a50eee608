import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigValidationError } from "../lib/config/config-error";
import { getPrisma, type Db } from "../lib/db/client";
import { enqueue, stopBoss } from "../lib/jobs/boss";
import { QUEUES } from "../lib/jobs/queues";
import { createEvalRun } from "../lib/runs/create-eval-run";
import { createTestDataset, SUM_REFERENCE, SUM_WRONG } from "../lib/testing/create-test-dataset";
import { startFakeOpenAIServer } from "../lib/testing/fake-openai/start-fake-openai-server";
import { useIsolatedDatabase } from "../lib/testing/use-isolated-database";

// The workers started here resume whatever runs they find: give them a database no other test uses.
let db: Db;
beforeAll(async () => {
  await useIsolatedDatabase();
  db = getPrisma();
});
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
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

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the worker", () => {
  it("processes a job enqueued before it started, and after being killed mid-run another worker finishes it without duplicates", async () => {
    const ds = await createTestDataset(db, { problems: 10 });
    // each reply takes 100 ms, so the run lasts long enough to be interrupted
    const server = await startFakeOpenAIServer({
      respond: (req) => ({ delayMs: 100, content: `\`\`\`python\n${req.messages.length === 1 && req.index % 3 === 0 ? SUM_WRONG : SUM_REFERENCE}\n\`\`\`` }),
    });
    const run = await createEvalRun(db, {
      dataset: ds.name, rolloutsPerProblem: 4, concurrency: 2,
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
