"use client";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ACCENT } from "./chart-colors";
import { ChartCard } from "./ChartCard";
import type { SolveRateBar } from "./prepare-solve-rate-by-turn";

export function SolveRateByTurnChart({ bars }: { bars: SolveRateBar[] }) {
  const empty = bars.every((b) => b.percent === null) ? "No scored episodes yet." : null;
  return (
    <ChartCard
      title="Solve rate after each turn"
      subtitle="Problems solved (all tests) if the episode had stopped after turn t; the rise is what feedback buys."
      empty={empty}
      testId="chart-solve-rate"
    >
      <ResponsiveContainer>
        <BarChart data={bars} margin={{ top: 18, right: 8, left: -12, bottom: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" tickLine={false} />
          <YAxis
            unit="%"
            domain={[0, (max: number) => Math.min(100, Math.ceil((max + 5) / 10) * 10)]}
            tickCount={6}
            allowDecimals={false}
            tickLine={false}
          />
          <Tooltip formatter={(v) => [`${v}%`, "solve rate"]} />
          <Bar dataKey="percent" fill={ACCENT} radius={[4, 4, 0, 0]} isAnimationActive={false}>
            <LabelList dataKey="percent" position="top" formatter={(v) => (v === null || v === undefined ? "" : `${v}%`)} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
