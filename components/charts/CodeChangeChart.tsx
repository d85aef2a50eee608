"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ACCENT } from "./chart-colors";
import { ChartCard } from "./ChartCard";
import type { CodeChangeChartData } from "./prepare-code-change";

export function CodeChangeChart({ chart }: { chart: CodeChangeChartData }) {
  const subtitle = (
    <>
      1 − chrF between consecutive attempts (0 = same code). {chart.pairs} pairs
      {chart.identicalPercent !== null ? (
        <>
          {" "}
          · <b data-testid="identical-rate">{chart.identicalPercent}% identical resubmissions</b>
        </>
      ) : null}
      {chart.median !== null ? <> · median {chart.median.toFixed(2)}</> : null}
    </>
  );
  return (
    <ChartCard
      title="How much the code changed"
      subtitle={subtitle}
      empty={chart.pairs === 0 ? "No episode had two attempts with code." : null}
      testId="chart-code-change"
    >
      <ResponsiveContainer>
        <BarChart data={chart.bins} margin={{ top: 8, right: 8, left: -12, bottom: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" tickLine={false} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tickLine={false} />
          <Tooltip formatter={(v, _n, item) => [`${v} pairs (${(item.payload as { percent: number }).percent}%)`, "count"]} />
          <Bar dataKey="count" fill={ACCENT} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
