import { bootstrapProblemMean, bootstrapRolloutGroups, bootstrapRolloutMean } from "./bootstrap";
import { labelInterval } from "./confidence-intervals";
import { countExclusions, exclusionText } from "./exclusions";
import { codeChangeStats } from "./code-change";
import { errorKindsByTurn } from "./error-kinds";
import { groupByProblem } from "./group-by-problem";
import { nAtK } from "./n-at-k";
import { oneAtThree, solveRatesByProblem } from "./one-at-three";
import { passAtK } from "./pass-at-k";
import { RUN_SUMMARY_VERSION, type RunSummary } from "./run-summary-schema";
import { nAtKComparability, type RunSampling } from "./sampling-comparability";
import { singleTurnOneAtThree, singleTurnFirstReplies, singleTurnProblemValue } from "./single-turn-one-at-three";
import { solveRateByTurn } from "./solve-rate-by-turn";
import type { EpisodeOutcome } from "./types";

export interface SummarizeRunOptions {
  /** The run's turn limit; defaults to the longest episode seen (at least 1). */
  turnLimit?: number;
  /** pass@k values to report where some problem has at least k rollouts. */
  passAtKs?: number[];
  /** n@k values to report where some problem has at least ⌊k/turnLimit⌋ rollouts. */
  nAtKs?: { n: number; k: number }[];
  bootstrapResamples?: number;
  bootstrapSeed?: number;
  /** See SingleTurnOptions.publicTestsJudged. */
  publicTestsJudged?: boolean;
  /** What the replies were sampled with (null: the demo policy); every n@k is reported with it. */
  sampling?: RunSampling;
}

/** Every metric of docs/method.md §7 for one run, as one JSON-ready object. */
export function summarizeRun(episodes: readonly EpisodeOutcome[], options: SummarizeRunOptions = {}): RunSummary {
  const turnLimit = options.turnLimit ?? Math.max(1, ...episodes.map((e) => e.turns.length));
  const { byProblem, erroredCount } = groupByProblem(episodes);
  const scored = episodes.filter((e) => !e.errored);
  const mostRollouts = Math.max(0, ...[...byProblem.values()].map((r) => r.length));

  const headline = oneAtThree(episodes);
  const resamples = options.bootstrapResamples ?? 200;
  const bootstrap = { resamples, seed: options.bootstrapSeed };
  const problemCi = bootstrapProblemMean(solveRatesByProblem(episodes), bootstrap);
  const rolloutCi = bootstrapRolloutMean(
    [...byProblem.values()].map((rollouts) => ({ successes: rollouts.filter((r) => r.solved).length, trials: rollouts.length })),
    bootstrap,
  );
  // single-turn 1@3 gets the same two intervals, resampling first replies where 1@3 resamples rollouts
  const singleTurnOptions = { publicTestsJudged: options.publicTestsJudged };
  const firstReplies = singleTurnFirstReplies(episodes, singleTurnOptions).perProblem;
  const singleTurnProblemCi = bootstrapProblemMean(
    firstReplies.map((counts) => singleTurnProblemValue(counts)),
    bootstrap,
  );
  const singleTurnRolloutCi = bootstrapRolloutGroups(firstReplies, (counts) => singleTurnProblemValue(counts), bootstrap);
  const sampling = options.sampling ?? null;
  const excluded = countExclusions(episodes);

  const passAtKs = options.passAtKs ?? [1, 5, 10];
  const nAtKs = options.nAtKs ?? [{ n: 10, k: 100 }];

  return {
    schemaVersion: RUN_SUMMARY_VERSION,
    turnLimit,
    sampling,
    episodes: {
      total: episodes.length,
      errored: erroredCount,
      scored: scored.length,
      problems: byProblem.size,
      replies: scored.reduce((sum, e) => sum + e.turns.length, 0),
      invalidCodeReplies: scored.reduce((sum, e) => sum + e.turns.filter((t) => !t.hasCode).length, 0),
      excluded,
      excludedText: exclusionText(excluded),
      modelFailures: {
        contextLengthExceeded: scored.filter((e) => e.endReason === "context_length_exceeded").length,
        repliesCutAtMaxTokens: scored.reduce((sum, e) => sum + e.turns.filter((t) => t.finishReason === "length").length, 0),
      },
    },
    oneAtThree: {
      ...headline,
      intervals: { rollout: labelInterval("rollout", rolloutCi, resamples), problem: labelInterval("problem", problemCi, resamples) },
    },
    passAt1: passAtK(episodes, 1),
    passAtK: passAtKs.filter((k) => k <= mostRollouts).map((k) => ({ k, ...passAtK(episodes, k) })),
    nAtK: nAtKs
      .filter(({ k }) => Math.floor(k / turnLimit) >= 1 && Math.floor(k / turnLimit) <= mostRollouts)
      .map(({ n, k }) => ({
        n,
        k,
        ...nAtK(episodes, { n, k, turnLimit }),
        temperature: sampling?.temperature ?? null,
        topP: sampling?.topP ?? null,
        ...nAtKComparability(sampling, n, k),
      })),
    singleTurnOneAtThree: {
      ...singleTurnOneAtThree(episodes, singleTurnOptions),
      intervals: {
        rollout: labelInterval("rollout", singleTurnRolloutCi, resamples),
        problem: labelInterval("problem", singleTurnProblemCi, resamples),
      },
    },
    solveRateByTurn: solveRateByTurn(episodes, turnLimit),
    errorKinds: errorKindsByTurn(episodes, turnLimit),
    codeChange: codeChangeStats(episodes),
  };
}
