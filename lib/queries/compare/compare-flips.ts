import type { ProblemCounts, ProblemPairRow } from "./compare-problem-rows";

/**
 * How a problem moved between runs. "Solved" means at least one scored rollout solved it, so a
 * flip is a problem one run can solve and the other never did in any of its rollouts.
 */
export type FlipKind = "aOnly" | "bOnly" | "both" | "neither" | "missing";

export function solvedAny(c: ProblemCounts | null): boolean | null {
  if (!c || c.episodes - c.errored <= 0) return null;
  return c.solved > 0;
}

export function solveRate(c: ProblemCounts | null): number | null {
  if (!c) return null;
  const scored = c.episodes - c.errored;
  return scored > 0 ? c.solved / scored : null;
}

export function flipKind(row: Pick<ProblemPairRow, "a" | "b">): FlipKind {
  const a = solvedAny(row.a);
  const b = solvedAny(row.b);
  if (a === null || b === null) return "missing";
  if (a && b) return "both";
  if (a) return "aOnly";
  if (b) return "bOnly";
  return "neither";
}

export type FlipCounts = Record<FlipKind, number>;

export function countFlips(rows: readonly ProblemPairRow[]): FlipCounts {
  const counts: FlipCounts = { aOnly: 0, bOnly: 0, both: 0, neither: 0, missing: 0 };
  for (const row of rows) counts[flipKind(row)]++;
  return counts;
}
