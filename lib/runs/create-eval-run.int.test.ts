import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../config/config-error";
import { getPrisma } from "../db/client";
import { createTestDataset } from "../testing/create-test-dataset";
import { createEvalRun } from "./create-eval-run";

const db = getPrisma();

async function twoSplits() {
  const ds = await createTestDataset(db, { problems: 2, split: "test" });
  const other = await db.problem.findFirstOrThrow({ where: { datasetId: ds.id } });
  await db.problem.update({ where: { id: other.id }, data: { split: "train" } });
  return ds;
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as ConfigValidationError,
  );

describe("createEvalRun", () => {
  it('refuses to mix the splits of a dataset holding several (no silent "all") and writes nothing', async () => {
    const ds = await twoSplits();
    const before = await db.run.count();
    const err = await errorOf(createEvalRun(db, { dataset: ds.name, policy: { kind: "demo" } }));
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect(err.fieldErrors.split[0]).toBe(`dataset "${ds.name}" holds several splits (test, train): choose one; "all" would mix them`);
    await expect(createEvalRun(db, { dataset: ds.name, split: "all", policy: { kind: "demo" } })).rejects.toBeInstanceOf(
      ConfigValidationError,
    );
    expect(await db.run.count()).toBe(before);
    expect((await createEvalRun(db, { dataset: ds.name, split: "train", policy: { kind: "demo" } })).total).toBe(1);
  });

  it('allows "all" on a dataset with one split', async () => {
    const ds = await createTestDataset(db, { problems: 3 });
    expect((await createEvalRun(db, { dataset: ds.name, policy: { kind: "demo" } })).total).toBe(3);
  });

  it("applies a protocol preset, stores it, and refuses values that contradict it", async () => {
    const ds = await createTestDataset(db, { problems: 2 });
    const run = await createEvalRun(db, { dataset: ds.name, preset: "paper-10at100", policy: { kind: "demo" } });
    expect(run.config).toMatchObject({
      preset: "paper-10at100",
      rolloutsPerProblem: 200,
      environment: { turnLimit: 3, judgeTests: "public+private+generated" },
      sampling: { temperature: 1, topP: 0.95 },
    });
    expect(run.total).toBe(400);
    expect((await db.run.findUniqueOrThrow({ where: { id: run.id } })).config).toMatchObject({ preset: "paper-10at100" });
    const err = await errorOf(
      createEvalRun(db, { dataset: ds.name, preset: "paper-1at3", sampling: { temperature: 1 }, policy: { kind: "demo" } }),
    );
    expect(err.fieldErrors["sampling.temperature"]).toEqual(["paper-1at3 fixes this to 0.2, got 1"]);
    const few = await errorOf(
      createEvalRun(db, { dataset: ds.name, preset: "paper-10at100", rolloutsPerProblem: 10, policy: { kind: "demo" } }),
    );
    expect(few.fieldErrors.rolloutsPerProblem[0]).toMatch(/at least 33 rollouts/);
  });
});
