import type { CheckpointEvalPoint } from "@/lib/queries/compare-checkpoints";

export interface CheckpointMetric {
  key: string;
  label: string;
  value: (p: CheckpointEvalPoint) => number | null;
  interval?: (p: CheckpointEvalPoint) => [number | null, number | null];
}

/** The metrics drawn as one line each over training steps; solve rate after turn t for every turn seen. */
export function checkpointMetrics(points: readonly CheckpointEvalPoint[]): CheckpointMetric[] {
  const turns = Math.max(0, ...points.map((p) => p.solveRateByTurn.length));
  return [
    { key: "oneAtThree", label: "1@3", value: (p) => p.oneAtThree?.value ?? null, interval: (p) => [p.oneAtThree?.lower ?? null, p.oneAtThree?.upper ?? null] },
    { key: "passAt1", label: "pass@1", value: (p) => p.passAt1 },
    { key: "singleTurn", label: "single-turn 1@3", value: (p) => p.singleTurnOneAtThree },
    ...Array.from({ length: turns }, (_, t) => ({ key: `turn${t + 1}`, label: `solved by turn ${t + 1}`, value: (p: CheckpointEvalPoint) => p.solveRateByTurn[t] ?? null })),
  ];
}

export interface CheckpointRow {
  step: number;
  [series: string]: number | null | [number, number];
}

/**
 * One chart per split (a training run may evaluate on more than one): rows keyed by step with one
 * column per metric in percent, plus `<key>Band` = [lower, upper] for metrics with an interval.
 * A step whose eval has no summary yet has nulls, so the line skips it rather than dropping to 0.
 */
export function prepareCheckpointSeries(points: readonly CheckpointEvalPoint[]): { split: string; rows: CheckpointRow[]; metrics: CheckpointMetric[] }[] {
  const metrics = checkpointMetrics(points);
  const splits = [...new Set(points.map((p) => p.split))].sort();
  return splits.map((split) => ({
    split,
    metrics,
    rows: points.filter((p) => p.split === split).map((p) => {
      const row: CheckpointRow = { step: p.step };
      for (const m of metrics) {
        const v = m.value(p);
        row[m.key] = v === null ? null : round(v * 100);
        const band = m.interval?.(p);
        if (band && band[0] !== null && band[1] !== null) row[`${m.key}Band`] = [round(band[0] * 100), round(band[1] * 100)];
      }
      return row;
    }),
  }));
}

const round = (v: number) => Math.round(v * 10) / 10;
