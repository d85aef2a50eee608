import { KIND_COLORS } from "./chart-colors";

export interface ErrorKindsInput {
  turn: number;
  attempts: number;
  failed: Record<string, number>;
  withNextTurn: Record<string, number>;
  fixedNextTurn: Record<string, number>;
}

export interface ErrorKindSeries {
  kind: string;
  label: string;
  color: string;
  failedKey: string;
  fixedKey: string;
}

export interface ErrorKindsChartData {
  /** one row per turn: `failed:<KIND>` and `fixed:<KIND>` counts, plus totals */
  rows: Record<string, number | string | null>[];
  /** kinds that occur at all, most frequent first */
  kinds: ErrorKindSeries[];
  /** nothing failed anywhere */
  empty: boolean;
}

const LABELS: Record<string, string> = {
  WRONG_ANSWER: "wrong answer",
  RUNTIME_ERROR: "runtime error",
  TIME_LIMIT: "time limit",
  MEMORY_LIMIT: "memory limit",
  OUTPUT_LIMIT: "output limit",
  SANDBOX_ERROR: "sandbox error",
  INVALID_CODE: "no code",
};

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * The paper's analysis figure: failed attempts per turn by error kind, beside
 * how many of those were fixed by the next turn (passed the public tests).
 * Kinds that never occur are dropped so the legend only names what happened.
 */
export function prepareErrorKinds(turns: readonly ErrorKindsInput[]): ErrorKindsChartData {
  const totals = new Map<string, number>();
  for (const t of turns) for (const [kind, n] of Object.entries(t.failed)) totals.set(kind, (totals.get(kind) ?? 0) + n);
  const kinds = [...totals.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind]) => ({
      kind,
      label: LABELS[kind] ?? kind.toLowerCase(),
      color: KIND_COLORS[kind] ?? "#94a3b8",
      failedKey: `failed:${kind}`,
      fixedKey: `fixed:${kind}`,
    }));
  const rows = [...turns]
    .sort((a, b) => a.turn - b.turn)
    .map((t) => {
      const row: Record<string, number | string | null> = {
        label: `turn ${t.turn}`,
        turn: t.turn,
        attempts: t.attempts,
        failed: sum(t.failed),
        withNextTurn: sum(t.withNextTurn),
        fixed: sum(t.fixedNextTurn),
        fixRate: sum(t.withNextTurn) > 0 ? Math.round((sum(t.fixedNextTurn) / sum(t.withNextTurn)) * 1000) / 10 : null,
      };
      for (const k of kinds) {
        row[k.failedKey] = t.failed[k.kind] ?? 0;
        row[k.fixedKey] = t.fixedNextTurn[k.kind] ?? 0;
      }
      return row;
    });
  return { rows, kinds, empty: kinds.length === 0 };
}
