"use client";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLORS } from "@/components/charts/chart-colors";
import { ONE_AT_THREE_BANDS, type CheckpointMetric, type CheckpointRow } from "./prepare-checkpoint-series";

/** One line per metric over training steps; 1@3 with both of its bootstrap bands, each named. */
/** The lighter problem band is drawn first, so the darker rollout band lies over it. */
const BAND_LAYERS = [
  { band: ONE_AT_THREE_BANDS[1], opacity: 0.12 },
  { band: ONE_AT_THREE_BANDS[0], opacity: 0.3 },
];

export function CheckpointCurves({
  split,
  rows,
  metrics,
}: {
  split: string;
  rows: CheckpointRow[];
  metrics: Pick<CheckpointMetric, "key" | "label">[];
}) {
  return (
    <div className="chart-card" data-testid={`checkpoint-chart-${split}`}>
      <h3>Checkpoint evals on the {split} split</h3>
      <div className="chart-sub" data-testid="checkpoint-chart-intervals">
        Each point is the eval run of one checkpoint; the shaded bands are 1@3&apos;s 95% intervals: the darker one the{" "}
        {ONE_AT_THREE_BANDS[0].label}, the lighter one the {ONE_AT_THREE_BANDS[1].label} (200 resamples each).
      </div>
      <div style={{ width: "100%", height: 320 }}>
        <ResponsiveContainer>
          <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 4, left: -8 }}>
            <CartesianGrid />
            <XAxis
              dataKey="step"
              type="number"
              domain={["dataMin", "dataMax"]}
              label={{ value: "training step", position: "insideBottomRight", offset: -2 }}
            />
            <YAxis unit="%" domain={[0, 100]} />
            <Tooltip formatter={(v, name) => (Array.isArray(v) ? [`${v[0]}–${v[1]}%`, name] : [`${v}%`, name])} />
            <Legend />
            {BAND_LAYERS.map(({ band, opacity }) => (
              <Area
                key={band.suffix}
                dataKey={`oneAtThree${band.suffix}`}
                name={`1@3 ${band.label}`}
                stroke="none"
                fill={SERIES_COLORS[0]}
                fillOpacity={opacity}
                isAnimationActive={false}
                legendType="none"
                connectNulls
              />
            ))}
            {metrics.map((m, i) => (
              <Line
                key={m.key}
                dataKey={m.key}
                name={m.label}
                stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
                strokeWidth={m.key === "oneAtThree" ? 2.5 : 1.5}
                dot={{ r: 3 }}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
