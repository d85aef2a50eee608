import { groupByProblem, meanOrNull } from "./group-by-problem";
import { countSubmissionGroups, nAtKFromCounts, type Candidate, type SubmissionGroupCounts } from "./n-at-k";
import type { AttemptOutcome, ProblemMean, EpisodeOutcome } from "./types";

export interface SingleTurnOptions {
  /**
   * True when the judged tests include the public ones (docs/method.md §1.3, the
   * default): a first reply that failed a public test then cannot be solved,
   * so its unknown solvedIfSubmitted is known to be false.
   */
  publicTestsJudged?: boolean;
  /** Independent first replies drawn per problem (the paper's 3). */
  samples?: number;
}

export interface SingleTurnResult extends ProblemMean {
  /** First replies left out because whether they would solve is unknown. */
  excludedAttempts: number;
}

/**
 * Single-turn 1@3 (paper App. B.1): the first reply of each rollout is treated
 * as an independent single-turn sample. Exact expectation of: draw 3 of a
 * problem's first replies without replacement, submit one of them, preferring
 * a reply that passed the public tests (uniformly among those, else uniformly
 * among the rest), success if it passes all judged tests. That is n@k with
 * n = 1 and m = 3 over first replies (see n-at-k.ts), averaged over problems.
 * Problems with fewer than 3 first replies of known outcome are skipped.
 */
export function singleTurnOneAtThree(episodes: readonly EpisodeOutcome[], options: SingleTurnOptions = {}): SingleTurnResult {
  const samples = options.samples ?? 3;
  const { perProblem, skippedProblems, excludedAttempts } = singleTurnFirstReplies(episodes, options);
  const values = perProblem.map((counts) => singleTurnProblemValue(counts, samples));
  return { value: meanOrNull(values), problems: values.length, skippedProblems, excludedAttempts };
}

/** One problem's single-turn 1@3 from its first replies counted by group (what the intervals resample). */
export function singleTurnProblemValue(counts: SubmissionGroupCounts, samples = 3): number {
  return nAtKFromCounts(counts, { submissions: 1, drawn: samples });
}

/**
 * The first replies of known outcome of each problem that has at least `samples` of them, counted by
 * (passed public?, solved?): the data single-turn 1@3 and both of its bootstraps are computed from.
 */
export function singleTurnFirstReplies(
  episodes: readonly EpisodeOutcome[],
  options: SingleTurnOptions = {},
): { perProblem: SubmissionGroupCounts[]; skippedProblems: number; excludedAttempts: number } {
  const publicTestsJudged = options.publicTestsJudged ?? true;
  const samples = options.samples ?? 3;
  const { byProblem } = groupByProblem(episodes);
  const perProblem: SubmissionGroupCounts[] = [];
  let skippedProblems = 0;
  let excludedAttempts = 0;
  for (const rollouts of byProblem.values()) {
    const candidates: Candidate[] = [];
    for (const rollout of rollouts) {
      const first = rollout.turns[0];
      const solved = first ? knownSolved(first, publicTestsJudged) : undefined;
      if (first === undefined || solved === undefined) {
        excludedAttempts++;
        continue;
      }
      candidates.push({ passedPublic: first.publicVerdict === "OK", solved });
    }
    if (candidates.length < samples) {
      skippedProblems++;
      continue;
    }
    perProblem.push(countSubmissionGroups(candidates));
  }
  return { perProblem, skippedProblems, excludedAttempts };
}

function knownSolved(attempt: AttemptOutcome, publicTestsJudged: boolean): boolean | undefined {
  if (attempt.solvedIfSubmitted !== undefined) return attempt.solvedIfSubmitted;
  if (publicTestsJudged && attempt.publicVerdict !== "OK") return false;
  return undefined;
}
