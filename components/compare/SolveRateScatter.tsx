"use client";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { FlipKind } from "@/lib/queries/compare/compare-flips";
import { pct } from "./format";
import { FLIP_COLORS, FLIP_LABELS, prepareScatter, type ScatterPoint, type ScatterPointInput } from "./prepare-scatter";

function PointTooltip({ active, payload }: { active?: boolean; payload?: { payload: ScatterPoint }[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="card scatter-tip">
      <b>{p.name}</b>
      <br />A {pct(p.a)} · B {pct(p.b)}
      <br />
      <span className="muted">{FLIP_LABELS[p.flip]} — click to open its episodes</span>
    </div>
  );
}

/** Per-problem solve rate of A (x) against B (y); above the diagonal B does better. A point opens the problem side by side. */
/** Both axes are a run's solve rate in percent, padded a little so points at 0 and 100 stay whole. */
const RATE_AXIS = { type: "number", unit: "%", domain: [-3, 103], ticks: [0, 25, 50, 75, 100] } as const;

export function SolveRateScatter({ points, a, b }: { points: ScatterPointInput[]; a: string; b: string }) {
  const router = useRouter();
  const series = useMemo(() => prepareScatter(points), [points]);
  const open = (point: unknown) => {
    const id = (point as { payload?: ScatterPoint; id?: string })?.payload?.id ?? (point as { id?: string })?.id;
    if (id) router.push(`/compare/episodes?${new URLSearchParams({ a, b, problem: id })}`);
  };
  return (
    <div className="chart-card" data-testid="compare-scatter">
      <h3>Per-problem solve rate, A vs B</h3>
      <div className="chart-sub">
        Each point is a problem (jittered slightly so equal rates do not hide each other). Above the diagonal, B solves it more often. Click
        a point to compare its episodes.
      </div>
      <div style={{ width: "100%", height: 380 }}>
        <ResponsiveContainer>
          <ScatterChart margin={{ top: 10, right: 16, bottom: 10, left: -4 }}>
            <CartesianGrid />
            <XAxis {...RATE_AXIS} dataKey="x" name="A" label={{ value: "run A", position: "insideBottomRight", offset: -4 }} />
            <YAxis {...RATE_AXIS} dataKey="y" name="B" label={{ value: "run B", angle: -90, position: "insideLeft", offset: 14 }} />
            <ReferenceLine
              segment={[
                { x: 0, y: 0 },
                { x: 100, y: 100 },
              ]}
              stroke="#9ca3af"
              strokeDasharray="4 4"
            />
            <Tooltip content={<PointTooltip />} cursor={{ strokeDasharray: "3 3" }} />
            <Legend />
            {(Object.keys(series) as FlipKind[])
              .filter((k) => series[k].length)
              .map((kind) => (
                <Scatter
                  key={kind}
                  name={`${FLIP_LABELS[kind]} (${series[kind].length})`}
                  data={series[kind]}
                  fill={FLIP_COLORS[kind]}
                  fillOpacity={0.7}
                  isAnimationActive={false}
                  onClick={open}
                  style={{ cursor: "pointer" }}
                  shape="circle"
                  legendType="circle"
                />
              ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
