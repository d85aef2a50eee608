import { INTERVAL_METHODS } from "@/lib/metrics/confidence-intervals";
import type { CheckpointEvalPoint } from "@/lib/queries/compare/compare-checkpoints";

export interface CheckpointBand {
  /** row key suffix: `<metric key><suffix>` holds [lower, upper] */
  suffix: string;
  label: string;
  range: (p: CheckpointEvalPoint) => [number | null, number | null];
}

export interface CheckpointMetric {
  key: string;
  label: string;
  value: (p: CheckpointEvalPoint) => number | null;
  /** its confidence intervals, each named by kind (lib/metrics/confidence-intervals.ts) */
  bands?: CheckpointBand[];
}

export const ONE_AT_THREE_BANDS: CheckpointBand[] = [
  {
    suffix: "RolloutBand",
    label: INTERVAL_METHODS.rollout.label,
    range: (p) => [p.oneAtThree?.rollout.lower ?? null, p.oneAtThree?.rollout.upper ?? null],
  },
  {
    suffix: "ProblemBand",
    label: INTERVAL_METHODS.problem.label,
    range: (p) => [p.oneAtThree?.problem.lower ?? null, p.oneAtThree?.problem.upper ?? null],
  },
];

/** The metrics drawn as one line each over training steps; solve rate after turn t for every turn seen. */
export function checkpointMetrics(points: readonly CheckpointEvalPoint[]): CheckpointMetric[] {
  const turns = Math.max(0, ...points.map((p) => p.solveRateByTurn.length));
  return [
    { key: "oneAtThree", label: "1@3", value: (p) => p.oneAtThree?.value ?? null, bands: ONE_AT_THREE_BANDS },
    { key: "passAt1", label: "pass@1", value: (p) => p.passAt1 },
    { key: "singleTurn", label: "single-turn 1@3", value: (p) => p.singleTurnOneAtThree },
    ...Array.from({ length: turns }, (_, t) => ({
      key: `turn${t + 1}`,
      label: `solved by turn ${t + 1}`,
      value: (p: CheckpointEvalPoint) => p.solveRateByTurn[t] ?? null,
    })),
  ];
}

export interface CheckpointRow {
  step: number;
  [series: string]: number | null | [number, number];
}

/**
 * One chart per split (a training run may evaluate on more than one): rows keyed by step with one
 * column per metric in percent, plus `<key><band suffix>` = [lower, upper] for each of its intervals.
 * A step whose eval has no summary yet has nulls, so the line skips it rather than dropping to 0.
 */
export function prepareCheckpointSeries(
  points: readonly CheckpointEvalPoint[],
): { split: string; rows: CheckpointRow[]; metrics: CheckpointMetric[] }[] {
  const metrics = checkpointMetrics(points);
  const splits = [...new Set(points.map((p) => p.split))].sort();
  return splits.map((split) => ({
    split,
    metrics,
    rows: points
      .filter((p) => p.split === split)
      .map((p) => {
        const row: CheckpointRow = { step: p.step };
        for (const m of metrics) {
          const v = m.value(p);
          row[m.key] = v === null ? null : round(v * 100);
          for (const b of m.bands ?? []) {
            const [lower, upper] = b.range(p);
            if (lower !== null && upper !== null) row[`${m.key}${b.suffix}`] = [round(lower * 100), round(upper * 100)];
          }
        }
        return row;
      }),
  }));
}

const round = (v: number) => Math.round(v * 10) / 10;
