"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "./ChartCard";
import type { ErrorKindsChartData } from "./prepare-error-kinds";

/** The paper's analysis figure: failed attempts per turn by kind (solid) and those fixed by the next turn (faded). */
export function ErrorKindsChart({ chart }: { chart: ErrorKindsChartData }) {
  return (
    <ChartCard
      title="Errors per turn and fixes in the next turn"
      subtitle="Left bar: failed attempts by error kind. Right bar (faded): how many of them the next turn fixed."
      empty={chart.empty ? "No failed attempts." : null}
      testId="chart-error-kinds"
    >
      <ResponsiveContainer>
        <BarChart data={chart.rows} margin={{ top: 8, right: 8, left: -12, bottom: 0 }} barGap={2}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" tickLine={false} />
          <YAxis allowDecimals={false} tickLine={false} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {chart.kinds.map((k) => (
            <Bar key={k.failedKey} dataKey={k.failedKey} name={k.label} stackId="failed" fill={k.color} isAnimationActive={false} />
          ))}
          {chart.kinds.map((k) => (
            <Bar
              key={k.fixedKey}
              dataKey={k.fixedKey}
              name={`${k.label} · fixed next turn`}
              stackId="fixed"
              fill={k.color}
              fillOpacity={0.4}
              legendType="none"
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
