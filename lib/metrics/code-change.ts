import { chrf } from "./chrf";
import { groupByProblem } from "./group-by-problem";
import { histogram, type HistogramBin } from "./histogram";
import type { EpisodeOutcome } from "./types";

export interface CodeChangePair {
  /** 1-based turn of the later attempt: the pair is (toTurn − 1 → toTurn). */
  toTurn: number;
  /** 1 − chrF(later code, earlier code): 0 = same character n-grams, 1 = nothing shared. */
  change: number;
  /** Same code apart from leading/trailing whitespace: the paper's "resubmits the same code". */
  identical: boolean;
}

/** How much the later attempt changed the earlier one's code (the one definition the store and the metrics share). */
export function codeChangeBetween(earlier: string, later: string): { change: number; identical: boolean } {
  return { change: 1 - chrf(later, earlier), identical: later.trim() === earlier.trim() };
}

/**
 * Consecutive attempt pairs in non-errored episodes where both replies had
 * code. The earlier attempt is chrF's reference, the later its hypothesis.
 */
export function codeChangePairs(episodes: readonly EpisodeOutcome[]): { pairs: CodeChangePair[]; skippedPairs: number } {
  const pairs: CodeChangePair[] = [];
  let skippedPairs = 0;
  for (const rollouts of groupByProblem(episodes).byProblem.values()) {
    for (const { turns } of rollouts) {
      for (let i = 1; i < turns.length; i++) {
        const before = turns[i - 1];
        const after = turns[i];
        if (!before.hasCode || !after.hasCode) {
          skippedPairs++;
          continue;
        }
        // stored when the turn was written; computed here only for attempts that carry their code
        const measured =
          after.changeFromPrevious ??
          (before.code !== undefined && after.code !== undefined ? codeChangeBetween(before.code, after.code) : undefined);
        if (!measured) {
          skippedPairs++;
          continue;
        }
        pairs.push({ toTurn: i + 1, ...measured });
      }
    }
  }
  return { pairs, skippedPairs };
}

export interface CodeChangeSummary {
  pairs: number;
  meanChange: number | null;
  medianChange: number | null;
  identicalRate: number | null;
  histogram: HistogramBin[];
}

export interface CodeChangeStats {
  overall: CodeChangeSummary;
  byTransition: (CodeChangeSummary & { fromTurn: number; toTurn: number })[];
  /** Pairs where one side had no code (invalid reply) or its code was not supplied. */
  skippedPairs: number;
}

export function codeChangeStats(episodes: readonly EpisodeOutcome[], options: { bins?: number } = {}): CodeChangeStats {
  const { pairs, skippedPairs } = codeChangePairs(episodes);
  const bins = options.bins ?? 10;
  const lastTurn = Math.max(1, ...pairs.map((p) => p.toTurn));
  const byTransition = [];
  for (let toTurn = 2; toTurn <= lastTurn; toTurn++) {
    const ofTurn = pairs.filter((p) => p.toTurn === toTurn);
    byTransition.push({ fromTurn: toTurn - 1, toTurn, ...summarize(ofTurn, bins) });
  }
  return { overall: summarize(pairs, bins), byTransition, skippedPairs };
}

function summarize(pairs: readonly CodeChangePair[], bins: number): CodeChangeSummary {
  const changes = pairs.map((p) => p.change).sort((a, b) => a - b);
  const count = changes.length;
  const middle = Math.floor(count / 2);
  return {
    pairs: count,
    meanChange: count ? changes.reduce((s, v) => s + v, 0) / count : null,
    medianChange: count ? (count % 2 ? changes[middle] : (changes[middle - 1] + changes[middle]) / 2) : null,
    identicalRate: count ? pairs.filter((p) => p.identical).length / count : null,
    histogram: histogram(changes, { min: 0, max: 1, bins }),
  };
}
