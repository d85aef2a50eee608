import { groupByProblem } from "./group-by-problem";
import { PUBLIC_VERDICTS, type PublicVerdict } from "../episode/types";
import type { EpisodeOutcome } from "./types";

export type FailureKind = Exclude<PublicVerdict, "OK">;
export const FAILURE_KINDS = PUBLIC_VERDICTS.filter((v): v is FailureKind => v !== "OK");

export type KindCounts = Record<FailureKind, number>;

export interface TurnErrorKinds {
  /** 1-based turn number (position in the episode). */
  turn: number;
  /** Attempts made at this turn. */
  attempts: number;
  /** Attempts at this turn that failed the public tests, by kind. */
  failed: KindCounts;
  /** Failed attempts that were followed by another turn (the fix-rate denominator). */
  withNextTurn: KindCounts;
  /** Failed attempts whose next attempt passed the public tests. */
  fixedNextTurn: KindCounts;
}

function zeroCounts(): KindCounts {
  return Object.fromEntries(FAILURE_KINDS.map((k) => [k, 0])) as KindCounts;
}

/**
 * The paper's Fig. 3 data: kind of each failed attempt per turn and whether the
 * next turn fixed it (passed the public tests). Errored episodes are excluded.
 */
export function errorKindsByTurn(episodes: readonly EpisodeOutcome[], turnLimit: number): TurnErrorKinds[] {
  const longest = Math.max(turnLimit, ...episodes.map((e) => e.turns.length));
  const table: TurnErrorKinds[] = Array.from({ length: longest }, (_, i) => ({
    turn: i + 1,
    attempts: 0,
    failed: zeroCounts(),
    withNextTurn: zeroCounts(),
    fixedNextTurn: zeroCounts(),
  }));
  for (const rollouts of groupByProblem(episodes).byProblem.values()) {
    for (const { turns } of rollouts) {
      turns.forEach((attempt, position) => {
        const row = table[position];
        row.attempts++;
        if (attempt.publicVerdict === "OK") return;
        const kind = attempt.publicVerdict;
        row.failed[kind]++;
        const next = turns[position + 1];
        if (!next) return;
        row.withNextTurn[kind]++;
        if (next.publicVerdict === "OK") row.fixedNextTurn[kind]++;
      });
    }
  }
  return table;
}

/** Total over kinds, handy for "fix rate of all failures at turn t". */
export function sumCounts(counts: KindCounts): number {
  return FAILURE_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
}
