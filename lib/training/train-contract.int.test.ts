import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, describe, expect, it } from "vitest";
import { RunConfigSummary } from "../../components/run/RunConfigSummary";
import { fromForm } from "../config/form-input";
import { trainRunConfigSchema } from "../config/train-config";
import { getPrisma } from "../db/client";
import { createEvalRun } from "../runs/create-eval-run";
import { executeEvalRun } from "../runs/execute-eval-run";
import { runLeased } from "../runs/run-leased";
import { createTestDataset } from "../testing/create-test-dataset";
import { startTrainer, type TrainerProcess } from "../testing/start-trainer";
import { createTrainRun } from "./create-train-run";
import { executeTrainRun } from "./execute-train-run";

const db = getPrisma();
const trainers: TrainerProcess[] = [];
afterAll(async () => {
  await Promise.all(trainers.map((t) => t.kill()));
});

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "rlef-contract-"));
const TINY = [
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

async function start(extra: string[] = []) {
  const trainer = await startTrainer([...TINY, "--checkpoint-dir", tmp(), ...extra]);
  trainers.push(trainer);
  return trainer;
}

/** What the training form submits: inputs named by config path, values as strings (lib/config/form-input.ts). */
function formValues(dataset: string, baseUrl: string, extra: Record<string, string> = {}) {
  return {
    "trainer.baseUrl": baseUrl,
    "trainer.baseModel": "builtin:tiny",
    dataset,
    split: "test",
    steps: "1",
    episodesPerStep: "2",
    concurrency: "2",
    checkpointEvery: "1",
    "sampling.maxTokens": "16",
    "environment.turnLimit": "2",
    "eval.every": "0",
    "optimizer.lr": "0.0003",
    "reward.klBeta": "0.07",
    "optimizer.clipEpsilon": "0.15",
    ...extra,
  };
}

describe("one run contract between the worker and the trainer", () => {
  it("a run launched from the form trains with its lr, β and ε: the trainer's /status and the run page show them", async () => {
    const ds = await createTestDataset(db, { problems: 2 });
    const trainer = await start();
    const input = fromForm(trainRunConfigSchema).parse(formValues(ds.name, trainer.baseUrl));
    const run = await createTrainRun(db, input);
    await runLeased(run.id, "test", ({ signal }) => executeTrainRun(db, run.id, { signal, jobPollMs: 100 }));

    const done = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(done.error).toBeNull();
    expect(done.status).toBe("COMPLETED");
    const status = (await (await fetch(`${trainer.baseUrl}/status`)).json()) as {
      config: Record<string, unknown>;
      run: { run_id: string };
    };
    expect(status.run.run_id).toBe(run.id);
    expect(status.config).toMatchObject({ lr: 0.0003, kl_beta: 0.07, clip_eps: 0.15, batch_episodes: 2, preset: "tiny", finetune: "full" });
    const stored = (done.config as { trainerConfig: Record<string, unknown> }).trainerConfig;
    expect(stored).toEqual(status.config); // the echo the run page shows is exactly what the trainer uses
    const html = renderToStaticMarkup(createElement(RunConfigSummary, { config: done.config }));
    expect(html).toContain("lr <b>0.0003</b>");
    expect(html).toContain("β <b>0.07</b>");
    expect(html).toContain("ε <b>0.15</b>");
  }, 300_000);

  it("a trainer started with another β refuses the run, and trains none of its episodes", async () => {
    const ds = await createTestDataset(db, { problems: 2 });
    const trainer = await start(["--kl-beta", "0.1"]);
    const run = await createTrainRun(db, fromForm(trainRunConfigSchema).parse(formValues(ds.name, trainer.baseUrl)));
    await runLeased(run.id, "test", ({ signal }) => executeTrainRun(db, run.id, { signal, jobPollMs: 100 })).catch(() => {});
    const failed = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(/kl_beta: trainer 0\.1, run 0\.07/);
    const status = (await (await fetch(`${trainer.baseUrl}/status`)).json()) as {
      consumed_episodes: number;
      buffered_episodes: number;
      run: unknown;
    };
    expect(status).toMatchObject({ consumed_episodes: 0, buffered_episodes: 0, run: null });
    // and episodes sent for the run anyway (another worker, a stale fingerprint) are refused too
    const res = await fetch(`${trainer.baseUrl}/rl/episodes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ run_id: run.id, config_sha256: "a".repeat(64), episodes: [] }),
    });
    expect(res.status).toBe(409);
  }, 300_000);

  it("a PPO step longer than the worker's request timeout completes (the step is a polled job)", async () => {
    const ds = await createTestDataset(db, { problems: 2 });
    const trainer = await start(["--debug-step-delay-s", "3"]);
    const input = fromForm(trainRunConfigSchema).parse({
      ...formValues(ds.name, trainer.baseUrl, { steps: "2" }),
      "trainer.requestTimeoutMs": "1000",
    });
    const run = await createTrainRun(db, input);
    const started = Date.now();
    await runLeased(run.id, "test", ({ signal }) => executeTrainRun(db, run.id, { signal, jobPollMs: 200 }));
    const done = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(done.error).toBeNull();
    expect({ status: done.status, trainStep: done.trainStep }).toEqual({ status: "COMPLETED", trainStep: 2 });
    expect(Date.now() - started).toBeGreaterThan(6000); // two 3 s steps, each 3× the 1 s request timeout
    const points = await db.metricPoint.findMany({ where: { runId: run.id, name: "job_time_s" }, orderBy: { step: "asc" } });
    expect(points.map((p) => p.step)).toEqual([1, 2]);
    expect(points.every((p) => p.value >= 3)).toBe(true);
  }, 300_000);

  it("rlef train --algo sft: the solved episodes of a source run, checkpoints and a checkpoint eval", async () => {
    const ds = await createTestDataset(db, { problems: 3 });
    const source = await createEvalRun(db, {
      policy: { kind: "demo" },
      dataset: ds.name,
      split: "test",
      rolloutsPerProblem: 2,
      concurrency: 3,
    });
    await runLeased(source.id, "test", ({ signal }) => executeEvalRun(db, source.id, { signal }));
    const solved = await db.episode.count({ where: { runId: source.id, solved: true } });
    expect(solved).toBeGreaterThan(0);
    const trainer = await start();
    const run = await createTrainRun(db, {
      algo: "sft",
      trainer: { baseUrl: trainer.baseUrl, baseModel: "builtin:tiny" },
      dataset: ds.name,
      split: "test",
      episodesPerStep: 2,
      checkpointEvery: 1,
      sampling: { maxTokens: 16 },
      environment: { turnLimit: 2 },
      eval: { every: 2, split: "test", limit: 1 },
      sft: { sourceRuns: [source.id], epochs: 1 },
      optimizer: { lr: 1e-3 },
    });
    expect(run.config.steps).toBe(Math.ceil(solved / 2));
    await runLeased(run.id, "test", ({ signal }) => executeTrainRun(db, run.id, { signal, jobPollMs: 100 }));
    const done = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(done.error).toBeNull();
    expect(done.status).toBe("COMPLETED");
    expect((done.config as { trainerConfig: { algo: string; sft_loss_on: string } }).trainerConfig).toMatchObject({
      algo: "sft",
      sft_loss_on: "final",
    });
    const checkpoints = await db.checkpoint.findMany({ where: { runId: run.id }, orderBy: { step: "asc" } });
    expect(checkpoints.map((c) => c.step)).toEqual(Array.from({ length: run.config.steps }, (_, i) => i + 1));
    const losses = await db.metricPoint.count({ where: { runId: run.id, name: "sft_loss" } });
    expect(losses).toBe(run.config.steps);
    const evals = await db.run.findMany({ where: { parentRunId: run.id } });
    expect(evals.length).toBeGreaterThanOrEqual(1);
    expect(evals.every((e) => e.status === "COMPLETED")).toBe(true);
  }, 400_000);
});
