export interface SolveRateBar {
  label: string;
  turn: number;
  /** percent 0–100, null when no problem had data */
  percent: number | null;
  /** gain over the previous turn in percentage points */
  gain: number | null;
}

/** Solve rate after turn 1, 2, 3… as percent bars with the gain each extra turn brought. */
export function prepareSolveRateByTurn(rows: readonly { turn: number; rate: number | null }[]): SolveRateBar[] {
  const sorted = [...rows].sort((a, b) => a.turn - b.turn);
  return sorted.map((row, i) => {
    const percent = row.rate === null ? null : round(row.rate * 100);
    const prev = i > 0 ? sorted[i - 1].rate : null;
    return {
      label: `after turn ${row.turn}`,
      turn: row.turn,
      percent,
      gain: row.rate === null || prev === null ? null : round((row.rate - prev) * 100),
    };
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
