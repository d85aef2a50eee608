import { describe, expect, it } from "vitest";
import type { CheckpointEvalPoint } from "@/lib/queries/compare/compare-checkpoints";
import { prepareCheckpointSeries } from "./prepare-checkpoint-series";

const point = (step: number, split: string, value: number | null): CheckpointEvalPoint => ({
  runId: `r${step}${split}`,
  runName: "x",
  status: value === null ? "RUNNING" : "COMPLETED",
  split,
  step,
  oneAtThree:
    value === null
      ? null
      : { value, rollout: { lower: value - 0.01, upper: value + 0.01 }, problem: { lower: value - 0.05, upper: value + 0.05 } },
  passAt1: value,
  singleTurnOneAtThree: value === null ? null : value / 2,
  solveRateByTurn: value === null ? [] : [value / 2, value * 0.8, value],
});

describe("prepareCheckpointSeries", () => {
  it("makes one chart per split with a row per step, in percent, and bands for intervals", () => {
    const charts = prepareCheckpointSeries([
      point(0, "valid", 0.1),
      point(10, "valid", 0.2),
      point(10, "test", 0.3),
      point(20, "valid", null),
    ]);
    expect(charts.map((c) => c.split)).toEqual(["test", "valid"]);
    const valid = charts[1];
    expect(valid.rows.map((r) => r.step)).toEqual([0, 10, 20]);
    expect(valid.rows[1]).toMatchObject({
      oneAtThree: 20,
      oneAtThreeRolloutBand: [19, 21],
      oneAtThreeProblemBand: [15, 25],
      singleTurn: 10,
      turn3: 20,
    });
    expect(valid.rows[2].oneAtThree).toBeNull();
    expect(valid.metrics.map((m) => m.key)).toEqual(["oneAtThree", "passAt1", "singleTurn", "turn1", "turn2", "turn3"]);
  });
});
