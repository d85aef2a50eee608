"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "./ChartCard";
import type { TrainingPanel } from "./prepare-training-curves";

export function TrainingCurveChart({ panel }: { panel: TrainingPanel }) {
  return (
    <ChartCard title={panel.title} testId={`chart-train-${panel.id}`}>
      <ResponsiveContainer>
        <LineChart data={panel.data} margin={{ top: 8, right: 12, left: -8, bottom: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="step" type="number" domain={["dataMin", "dataMax"]} tickLine={false} />
          <YAxis tickLine={false} width={56} tickFormatter={(v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(2))} />
          <Tooltip labelFormatter={(step) => `step ${step}`} formatter={(v) => (typeof v === "number" ? v.toPrecision(4) : v)} />
          {panel.series.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
          {panel.series.map((s) => (
            <Line key={s.name} dataKey={s.name} stroke={s.color} dot={false} strokeWidth={1.6} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
