/**
 * Plain-data inputs for the paper's metrics (docs/method.md §7). The eval worker and
 * the database layer map their rows onto these; nothing here knows about either.
 */

import type { PublicVerdict } from "../episode/types";

/** One model reply (one "sample" in the paper's budget accounting). */
export interface AttemptOutcome {
  /** Position of the attempt in its episode as the engine stored it; turns are read in array order. */
  index: number;
  hasCode: boolean;
  publicVerdict: PublicVerdict;
  /**
   * Whether this attempt's code passes all judged tests. Known for the final
   * attempt; earlier attempts are only judged on the public tests, so it may be unknown.
   */
  solvedIfSubmitted?: boolean;
  code?: string;
  /** the change from the previous attempt's code, when already measured (codeChangeBetween) */
  changeFromPrevious?: { change: number; identical: boolean };
  /** the endpoint's finish_reason; "length" = the reply was cut at max tokens */
  finishReason?: string;
}

/** Why an errored episode is excluded (infrastructure, never the model). */
export const EXCLUSION_REASONS = ["endpoint_error", "sandbox_error", "other"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** One rollout (episode) of up to turnLimit attempts. */
export interface EpisodeOutcome {
  problemId: string;
  sampleIndex: number;
  /** The final submission passes all judged tests. */
  solved: boolean;
  /** The final submission passed the public tests. */
  passedPublic: boolean;
  /** Infrastructure failure (endpoint, sandbox): excluded from every metric, but counted. */
  errored: boolean;
  /** why an errored episode is excluded ("other" when unknown) */
  exclusion?: ExclusionReason;
  /**
   * A scored episode that ended outside the loop's rules: "context_length_exceeded" (the model's
   * failure), "sandbox_error" (training only: a failed attempt the sandbox could not judge).
   */
  endReason?: string | null;
  /** Attempts in the order they happened. */
  turns: AttemptOutcome[];
}

/** A metric averaged over problems (each problem weighs the same). */
export interface ProblemMean {
  /** null when no problem had enough data. */
  value: number | null;
  /** Problems that contributed. */
  problems: number;
  /** Problems left out for lack of rollouts (or of known outcomes). */
  skippedProblems: number;
}
