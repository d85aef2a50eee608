import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "../db/client";
import { runLeased } from "../runs/run-leased";
import { createTestDataset } from "../testing/create-test-dataset";
import { startTrainer, type TrainerProcess } from "../testing/start-trainer";
import { createTrainRun } from "./create-train-run";
import { executeTrainRun } from "./execute-train-run";
import { until } from "../testing/until";

const db = getPrisma();
const trainers: TrainerProcess[] = [];
afterAll(async () => {
  await Promise.all(trainers.map((t) => t.kill()));
});

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "rlef-trainer-"));
// a very small model and short replies keep a CPU step to a few seconds
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

function trainConfig(dataset: string, baseUrl: string, extra: Record<string, unknown> = {}) {
  return {
    trainer: { baseUrl, baseModel: "builtin:tiny" },
    dataset,
    split: "test",
    steps: 2,
    episodesPerStep: 4,
    concurrency: 4,
    checkpointEvery: 1,
    sampling: { temperature: 1, maxTokens: 24 },
    environment: { turnLimit: 2, judgeTests: "public+private" },
    eval: { every: 2, split: "test", limit: 2, maxTokens: 32 },
    ...extra,
  };
}

describe("training runs through the trainer service", () => {
  it("plays episodes per step, records the PPO step's metrics, saves, registers and evaluates checkpoints", async () => {
    const ds = await createTestDataset(db, { problems: 4 });
    const trainer = await startTrainer([...TINY, "--checkpoint-dir", tmp(), "--batch-episodes", "4"]);
    trainers.push(trainer);
    const run = await createTrainRun(db, trainConfig(ds.name, trainer.baseUrl));
    await runLeased(run.id, "test", ({ signal }) => executeTrainRun(db, run.id, { signal }));

    const done = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(done.error).toBeNull();
    expect(done.status).toBe("COMPLETED");
    expect(done.trainStep).toBe(2);
    const episodes = await db.episode.findMany({
      where: { runId: run.id },
      select: { trainStep: true, status: true, submittedToTrainer: true },
    });
    expect(episodes.filter((e) => e.trainStep === 0)).toHaveLength(4);
    expect(episodes.filter((e) => e.trainStep === 1)).toHaveLength(4);
    expect(episodes.filter((e) => e.status === "COMPLETED").every((e) => e.submittedToTrainer)).toBe(true);
    const names = new Set((await db.metricPoint.findMany({ where: { runId: run.id }, select: { name: true } })).map((m) => m.name));
    for (const name of [
      "policy_loss",
      "value_loss",
      "kl",
      "entropy",
      "clip_fraction",
      "env/reward_mean",
      "env/solved_after_turn_1",
      "eval/one_at_three",
    ]) {
      expect(names, name).toContain(name);
    }
    const checkpoints = await db.checkpoint.findMany({ where: { runId: run.id }, orderBy: { step: "asc" } });
    expect(checkpoints.map((c) => c.step)).toEqual([1, 2]);
    for (const c of checkpoints) expect(fs.existsSync(c.path)).toBe(true);
    const evals = await db.run.findMany({ where: { parentRunId: run.id } });
    expect(evals).toHaveLength(1);
    expect(evals[0]).toMatchObject({ kind: "EVAL", status: "COMPLETED", checkpointId: checkpoints[1].id, progressDone: 2 });
    // issue 10.12: the checkpoint eval runs in the evaluation environment (generated tests judged, the
    // evaluation sampling and max tokens), not the training one (public+private, T 1.0, 24 tokens)
    expect(evals[0].config).toMatchObject({
      environment: { judgeTests: "public+private+generated", turnLimit: 2, feedback: "execution" },
      sampling: { temperature: 0.2, topP: 0.95, maxTokens: 32 },
    });
  }, 300_000);

  it("pauses while the trainer is down and resumes from its last checkpoint without losing or double-counting episodes", async () => {
    const ds = await createTestDataset(db, { problems: 4 });
    const dir = tmp();
    let trainer = await startTrainer([...TINY, "--checkpoint-dir", dir, "--batch-episodes", "4"]);
    trainers.push(trainer);
    const run = await createTrainRun(db, trainConfig(ds.name, trainer.baseUrl, { steps: 4, checkpointEvery: 2, eval: { every: 0 } }));
    const port = new URL(trainer.baseUrl).port;
    const execution = runLeased(run.id, "test", ({ signal }) => executeTrainRun(db, run.id, { signal, pollMs: 300 }));

    // crash the trainer after its first checkpoint (step 2), while step 3 is being played
    await until("the step-2 checkpoint", async () => (await db.checkpoint.count({ where: { runId: run.id } })) >= 1);
    await until("step 3 under way", async () => (await db.episode.count({ where: { runId: run.id, trainStep: 2 } })) >= 1);
    await trainer.kill();
    const paused = await until("the pause", async () => {
      const r = await db.run.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "PAUSED" ? r : null;
    });
    expect(paused.statusReason).toMatch(/trainer/);

    // same port (the run knows the trainer by its URL); a later --port overrides startTrainer's "--port 0"
    trainer = await startTrainer([...TINY, "--checkpoint-dir", dir, "--batch-episodes", "4", "--resume", "--port", port]);
    trainers.push(trainer);
    await execution;

    const done = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(done.status).toBe("COMPLETED");
    const episodes = await db.episode.findMany({ where: { runId: run.id }, select: { id: true, trainStep: true, status: true } });
    expect(episodes).toHaveLength(16);
    for (const step of [0, 1, 2, 3]) expect(episodes.filter((e) => e.trainStep === step)).toHaveLength(4);
    // the trainer trained every finished episode exactly once
    const res = await fetch(`${trainer.baseUrl}/rl/episodes/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ run_id: run.id, episode_ids: episodes.map((e) => e.id) }),
    });
    const lookup = (await res.json()) as { trained: Record<string, number>; buffered: string[]; unknown: string[]; step: number };
    const completed = episodes.filter((e) => e.status === "COMPLETED");
    expect(Object.keys(lookup.trained).sort()).toEqual(completed.map((e) => e.id).sort());
    expect(lookup.buffered).toEqual([]);
    expect(lookup.step).toBe(4);
  }, 400_000);
});
