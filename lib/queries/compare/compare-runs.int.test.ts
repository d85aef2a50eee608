import { describe, expect, it } from "vitest";
import { createDatasetWithEpisodes } from "../../actions/testing/action-fixtures";
import { getPrisma } from "../../db/client";
import { countEpisodesByLabel } from "../annotations/annotation-label-counts";
import { loadCheckpointEvals } from "./compare-checkpoints";
import { loadProblemSideBySide } from "./compare-problem-episodes";
import { loadRunComparison } from "./compare-runs";
import { compareTableParamsSchema } from "./compare-table";

const db = getPrisma();

async function twoRuns() {
  const data = await createDatasetWithEpisodes(db, { problems: 3 });
  const runB = await db.run.create({
    data: { kind: "EVAL", status: "COMPLETED", name: "B", config: {}, datasetId: data.dataset.id, split: "test", policyLabel: "b" },
  });
  const [p0, p1, p2] = data.problems;
  // A: p0 solved 1/2, p1 0/2, p2 2/2 — B: p0 0/2, p1 2/2 (one errored episode too), p2 missing
  await db.problemRunStat.createMany({
    data: [
      { runId: data.run.id, problemId: p0.id, episodes: 2, solved: 1, passedPublic: 1, errored: 0 },
      { runId: data.run.id, problemId: p1.id, episodes: 2, solved: 0, passedPublic: 0, errored: 0 },
      { runId: data.run.id, problemId: p2.id, episodes: 2, solved: 2, passedPublic: 2, errored: 0 },
      { runId: runB.id, problemId: p0.id, episodes: 2, solved: 0, passedPublic: 1, errored: 0 },
      { runId: runB.id, problemId: p1.id, episodes: 3, solved: 2, passedPublic: 2, errored: 1 },
    ],
  });
  const bEpisode = await db.episode.create({
    data: { runId: runB.id, problemId: p0.id, sampleIndex: 0, status: "COMPLETED", turnsUsed: 1, solved: false },
  });
  return { ...data, runA: data.run, runB, bEpisode };
}

describe("loadRunComparison", () => {
  it("compares per problem from ProblemRunStat: metrics, flips, table, scatter and label counts", async () => {
    const f = await twoRuns();
    const label = await db.annotationLabel.create({ data: { name: `cmp-${f.runA.id}`, color: "#123456" } });
    await db.annotation.create({ data: { episodeId: f.bEpisode.id, labels: { connect: [{ id: label.id }] } } });
    await db.annotation.create({ data: { episodeId: f.bEpisode.id, turnIndex: 0, labels: { connect: [{ id: label.id }] } } });

    const result = await loadRunComparison(db, f.runA.id, f.runB.id, compareTableParamsSchema.parse({ show: "flips" }));
    if (result.kind !== "ok") throw new Error(result.kind);
    expect(result.problems).toBe(3);
    expect(result.flips).toEqual({ aOnly: 1, bOnly: 1, both: 0, neither: 0, missing: 1 });
    expect(result.table.rows.map((r) => [r.name, r.flip])).toEqual(
      expect.arrayContaining([
        ["Problem 0", "aOnly"],
        ["Problem 1", "bOnly"],
      ]),
    );
    const solve = result.metrics.find((m) => m.key === "solveRate")!;
    expect(solve.a.estimate).toBeCloseTo((0.5 + 0 + 1) / 3);
    expect(solve.b.estimate).toBeCloseTo((0 + 1) / 2); // p1: 2 solved of 2 scored (one errored)
    expect(solve.diff.estimate).toBeCloseTo((0 - 0.5 + (1 - 0)) / 2);
    expect(result.scatter).toHaveLength(2);
    const counted = result.labelCounts.find((c) => c.labelId === label.id);
    expect(counted?.episodes).toEqual({ [f.runB.id]: 1 }); // two annotations, one episode

    const labelled = await loadRunComparison(db, f.runA.id, f.runB.id, compareTableParamsSchema.parse({ label: label.name }));
    expect(labelled.kind === "ok" && labelled.table.rows.map((r) => r.name)).toEqual(["Problem 0"]);
    expect(await countEpisodesByLabel(db, [f.runA.id])).toEqual([]);
  });

  it("refuses runs on different datasets and names a missing run", async () => {
    const f = await twoRuns();
    const other = await createDatasetWithEpisodes(db, { problems: 1 });
    expect((await loadRunComparison(db, f.runA.id, other.run.id, compareTableParamsSchema.parse({}))).kind).toBe("different-datasets");
    expect(await loadRunComparison(db, f.runA.id, "nope", compareTableParamsSchema.parse({}))).toEqual({
      kind: "missing",
      missing: "nope",
    });
  });

  it("opens one problem of both runs side by side with each run's episodes", async () => {
    const f = await twoRuns();
    const view = await loadProblemSideBySide(db, { runA: f.runA.id, runB: f.runB.id, problemId: f.problems[0].id });
    expect(view?.a.detail?.id).toBe(f.episode.id);
    expect(view?.a.detail?.turns.map((t) => t.code)).toEqual(["print(0)", "print(0)"]);
    expect(view?.b.detail?.id).toBe(f.bEpisode.id);
    expect(view?.b.episodes).toHaveLength(1);
  });

  it("lists a training run's checkpoint evals by step", async () => {
    const f = await twoRuns();
    const train = await db.run.create({
      data: { kind: "TRAIN", name: "t", config: {}, datasetId: f.dataset.id, split: "test", policyLabel: "trainer" },
    });
    for (const step of [20, 10]) {
      const checkpoint = await db.checkpoint.create({ data: { runId: train.id, step, path: `/ckpt/${step}` } });
      await db.run.create({
        data: {
          kind: "EVAL",
          name: `eval ${step}`,
          config: {},
          datasetId: f.dataset.id,
          split: "valid",
          policyLabel: "ckpt",
          parentRunId: train.id,
          checkpointId: checkpoint.id,
        },
      });
    }
    const evals = await loadCheckpointEvals(db, train.id);
    expect(evals?.points.map((p) => [p.step, p.split, p.oneAtThree])).toEqual([
      [10, "valid", null],
      [20, "valid", null],
    ]);
  });
});
