import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "../../db/client";
import { stopBoss } from "../../jobs/boss";
import { createDatasetWithEpisodes, createUserWithSession } from "../testing/action-fixtures";
import { cancelRunAction } from "./cancel-run";
import { launchEvalRunAction } from "./launch-eval-run";
import { launchTrainRunAction } from "./launch-train-run";

const db = getPrisma();
let admin: Awaited<ReturnType<typeof createUserWithSession>>;
let data: Awaited<ReturnType<typeof createDatasetWithEpisodes>>;

beforeAll(async () => {
  admin = await createUserWithSession(db, "ADMIN");
  data = await createDatasetWithEpisodes(db, { problems: 3 });
});
afterAll(() => stopBoss());

async function jobsFor(runId: string) {
  return db.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.job WHERE data->>'runId' = ${runId}`;
}

describe("launching runs", () => {
  it("writes a QUEUED eval run with the form's settings and the paper's defaults, then enqueues it", async () => {
    const result = await launchEvalRunAction.runWith(
      { db, cookies: admin.cookies() },
      {
        name: "",
        "policy.source": "demo",
        dataset: data.dataset.name,
        split: "test",
        limit: "2",
        rolloutsPerProblem: 4,
        "sampling.temperature": 0.6,
        "sampling.topP": "",
      },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const run = await db.run.findUniqueOrThrow({ where: { id: result.data.runId } });
    expect(run).toMatchObject({ kind: "EVAL", status: "QUEUED", launchedById: admin.id, progressTotal: 8 });
    const config = run.config as { sampling: { temperature: number; topP: number }; environment: { turnLimit: number }; limit: number };
    expect(config.sampling).toMatchObject({ temperature: 0.6, topP: 0.95 });
    expect(config.environment.turnLimit).toBe(3);
    expect(config.limit).toBe(2);
    expect(await jobsFor(run.id)).toEqual([{ name: "eval-run" }]);
  });

  it("returns field errors under the form's own field names and writes nothing", async () => {
    const before = await db.run.count({ where: { datasetId: data.dataset.id } });
    const result = await launchEvalRunAction.runWith(
      { db, cookies: admin.cookies() },
      {
        "policy.source": "demo",
        dataset: data.dataset.name,
        split: "test",
        "environment.turnLimit": "x",
      },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("INVALID_INPUT");
    expect(Object.keys(result.error.fieldErrors ?? {})).toEqual(["environment.turnLimit"]);

    const range = await launchEvalRunAction.runWith(
      { db, cookies: admin.cookies() },
      {
        "policy.source": "demo",
        dataset: data.dataset.name,
        split: "test",
        "sampling.temperature": 7,
        "sampling.topP": 0,
      },
    );
    expect(range.ok ? [] : Object.keys(range.error.fieldErrors ?? {}).sort()).toEqual(["sampling.temperature", "sampling.topP"]);

    const split = await launchEvalRunAction.runWith(
      { db, cookies: admin.cookies() },
      { "policy.source": "demo", dataset: data.dataset.name, split: "nope" },
    );
    expect(split.ok ? [] : Object.keys(split.error.fieldErrors ?? {})).toEqual(["split"]);
    const endpoint = await launchEvalRunAction.runWith(
      { db, cookies: admin.cookies() },
      { "policy.source": "endpoint", dataset: data.dataset.name, split: "test" },
    );
    expect(endpoint.ok ? [] : Object.keys(endpoint.error.fieldErrors ?? {})).toEqual(["policy.endpointId"]);
    expect(await db.run.count({ where: { datasetId: data.dataset.id } })).toBe(before);
  });

  it("launches an eval of a stored endpoint without copying its key into the run", async () => {
    const endpoint = await db.modelEndpoint.create({
      data: { name: `ep-launch-${data.run.id}`, baseUrl: "http://127.0.0.1:9/v1", model: "llama", apiKeyEncrypted: "v1.x.y.z" },
    });
    const result = await launchEvalRunAction.runWith(
      { db, cookies: admin.cookies() },
      { "policy.source": "endpoint", "policy.endpointId": endpoint.id, dataset: data.dataset.name, split: "test", concurrency: 4 },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const run = await db.run.findUniqueOrThrow({ where: { id: result.data.runId } });
    expect(run.endpointId).toBe(endpoint.id);
    expect(run.config).toMatchObject({
      policy: { kind: "openai", baseUrl: "http://127.0.0.1:9/v1", model: "llama", endpointId: endpoint.id, maxConcurrency: 4 },
    });
    expect(JSON.stringify(run.config)).not.toContain("v1.x.y.z");
  });

  it("writes a training run with the paper's hyper-parameters unless the form overrides them", async () => {
    const result = await launchTrainRunAction.runWith(
      { db, cookies: admin.cookies() },
      {
        "trainer.baseUrl": "http://127.0.0.1:8100",
        dataset: data.dataset.name,
        split: "test",
        steps: 20,
        "optimizer.lr": "",
        "reward.klBeta": 0.1,
        "eval.every": 5,
        "eval.split": "test",
      },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const run = await db.run.findUniqueOrThrow({ where: { id: result.data.runId } });
    // progress of a training run counts episodes: steps × episodes per step (default 64)
    expect(run).toMatchObject({ kind: "TRAIN", status: "QUEUED", progressTotal: 20 * 64 });
    // unset optimizer settings stay unset: the trainer resolves its preset (the paper's for full fine-tuning)
    // when the run registers, and the worker records that echo as config.trainerConfig (issue 14)
    expect((run.config as { optimizer: object }).optimizer).toEqual({});
    expect(run.config).toMatchObject({
      reward: { klBeta: 0.1 },
      sampling: { temperature: 1 },
      environment: { turnLimit: 3, judgeTests: "public+private" },
      eval: { every: 5, split: "test" },
    });
    expect(await jobsFor(run.id)).toEqual([{ name: "train-run" }]);

    const bad = await launchTrainRunAction.runWith(
      { db, cookies: admin.cookies() },
      { "trainer.baseUrl": "not a url", dataset: data.dataset.name, split: "test", "eval.split": "missing", "optimizer.lr": -1 },
    );
    expect(bad.ok ? [] : Object.keys(bad.error.fieldErrors ?? {}).sort()).toEqual(["optimizer.lr", "trainer.baseUrl"]);
  });

  it("cancels an active run and its child evals, and leaves a finished run alone", async () => {
    const launched = await launchTrainRunAction.runWith(
      { db, cookies: admin.cookies() },
      { "trainer.baseUrl": "http://127.0.0.1:8100", dataset: data.dataset.name, split: "test", "eval.every": 0 },
    );
    if (!launched.ok) throw new Error(JSON.stringify(launched.error));
    const child = await db.run.create({
      data: {
        kind: "EVAL",
        name: "child",
        config: {},
        datasetId: data.dataset.id,
        split: "test",
        policyLabel: "x",
        parentRunId: launched.data.runId,
        status: "RUNNING",
      },
    });
    const result = await cancelRunAction.runWith({ db, cookies: admin.cookies() }, { runId: launched.data.runId });
    expect(result).toMatchObject({ ok: true, data: { status: "CANCELLED", changed: true } });
    expect((await db.run.findUniqueOrThrow({ where: { id: child.id } })).status).toBe("CANCELLED");
    expect((await db.run.findUniqueOrThrow({ where: { id: launched.data.runId } })).statusReason).toContain(admin.email);

    const finished = await cancelRunAction.runWith({ db, cookies: admin.cookies() }, { runId: data.run.id });
    expect(finished).toMatchObject({ ok: true, data: { status: "COMPLETED", changed: false } });
    expect(await cancelRunAction.runWith({ db, cookies: admin.cookies() }, { runId: "nope" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });
});
