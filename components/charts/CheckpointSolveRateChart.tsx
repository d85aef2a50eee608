"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLORS } from "./chart-colors";
import { ChartCard } from "./ChartCard";
import type { CheckpointSeries } from "./prepare-checkpoint-solve-rates";

/** One problem's solve rate at each evaluated checkpoint, one line per training run. */
export function CheckpointSolveRateChart({ series, runNames }: { series: CheckpointSeries[]; runNames: Record<string, string> }) {
  return (
    <ChartCard title="Solve rate by checkpoint" subtitle="Evaluations of training checkpoints on this problem." testId="chart-checkpoints">
      <ResponsiveContainer>
        <LineChart margin={{ top: 8, right: 12, left: -12, bottom: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="step" type="number" domain={["dataMin", "dataMax"]} allowDuplicatedCategory={false} tickLine={false} />
          <YAxis unit="%" domain={[0, 100]} tickLine={false} />
          <Tooltip labelFormatter={(step) => `step ${step}`} formatter={(v) => [`${v}%`, "solve rate"]} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
          {series.map((s, i) => (
            <Line
              key={s.trainingRunId}
              data={s.points}
              dataKey="percent"
              name={runNames[s.trainingRunId] ?? s.trainingRunId}
              stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
