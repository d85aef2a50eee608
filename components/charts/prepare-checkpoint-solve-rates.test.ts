import { describe, expect, it } from "vitest";
import { prepareCheckpointSolveRates, solveRateOf } from "./prepare-checkpoint-solve-rates";

const stat = (runId: string, step: number | null, solved: number, episodes: number, errored = 0, trainingRun = "train-1") => ({
  episodes,
  solved,
  errored,
  passedPublic: solved,
  run: { id: runId, name: runId, createdAt: "2025-01-01T00:00:00Z", checkpoint: step === null ? null : { step, runId: trainingRun } },
});

describe("prepareCheckpointSolveRates", () => {
  it("orders checkpoints by step within their training run and ignores runs without a checkpoint", () => {
    const series = prepareCheckpointSolveRates([
      stat("e3", 300, 3, 4),
      stat("base", null, 1, 4),
      stat("e1", 100, 1, 4),
      stat("e2", 200, 2, 4),
    ]);
    expect(series).toHaveLength(1);
    expect(series[0].points.map((p) => [p.step, p.percent])).toEqual([
      [100, 25],
      [200, 50],
      [300, 75],
    ]);
  });
  it("pools repeated evaluations of one checkpoint and leaves errored rollouts out", () => {
    const [series] = prepareCheckpointSolveRates([stat("a", 50, 1, 4, 2), stat("b", 50, 2, 2)]);
    // (1 + 2) solved over (2 + 2) scored
    expect(series.points).toEqual([expect.objectContaining({ step: 50, percent: 75, episodes: 6 })]);
  });
  it("keeps separate training runs apart and drops checkpoints with nothing scored", () => {
    const series = prepareCheckpointSolveRates([stat("x", 10, 0, 2, 2, "t1"), stat("y", 10, 1, 2, 0, "t2")]);
    expect(series.map((s) => s.trainingRunId)).toEqual(["t2"]);
  });
  it("computes a single aggregate's solve rate without errored rollouts", () => {
    expect(solveRateOf({ episodes: 4, solved: 1, errored: 2 })).toBe(0.5);
    expect(solveRateOf({ episodes: 2, solved: 0, errored: 2 })).toBeNull();
  });
});
