import type { FlipKind } from "@/lib/queries/compare/compare-flips";

export interface ScatterPointInput {
  id: string;
  name: string;
  a: number;
  b: number;
  flip: FlipKind;
}
export interface ScatterPoint extends ScatterPointInput {
  x: number;
  y: number;
}

export const FLIP_COLORS: Record<FlipKind, string> = {
  aOnly: "#ef4444",
  bOnly: "#10b981",
  both: "#3b82f6",
  neither: "#9ca3af",
  missing: "#9ca3af",
};

export const FLIP_LABELS: Record<FlipKind, string> = {
  aOnly: "solved by A only",
  bOnly: "solved by B only",
  both: "solved by both",
  neither: "solved by neither",
  missing: "not in both runs",
};

/** A stable pseudo-random number in [0, 1) from a string, so points do not move between renders. */
function hashUnit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/**
 * With k rollouts per problem, solve rates take only k+1 values, so thousands of problems would sit
 * on a few dozen spots. A small deterministic jitter (± `spread`) makes the density visible; the
 * tooltip shows the true rates. Series per flip kind, so the legend explains the colours.
 */
export function prepareScatter(points: readonly ScatterPointInput[], spread = 0.02): Record<FlipKind, ScatterPoint[]> {
  const series: Record<FlipKind, ScatterPoint[]> = { aOnly: [], bOnly: [], both: [], neither: [], missing: [] };
  for (const p of points) {
    const jx = (hashUnit(p.id) - 0.5) * 2 * spread;
    const jy = (hashUnit(`${p.id}#y`) - 0.5) * 2 * spread;
    series[p.flip].push({ ...p, x: p.a * 100 + jx * 100, y: p.b * 100 + jy * 100 });
  }
  return series;
}
