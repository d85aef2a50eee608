import { chooseRatio, hypergeometricPmf } from "./combinatorics";
import { groupByProblem, meanOrNull } from "./group-by-problem";
import type { EpisodeOutcome, ProblemMean } from "./types";

/** A problem's rollouts, counted by (passed public tests?, passes all judged tests?). */
export interface SubmissionGroupCounts {
  passSolved: number;
  passUnsolved: number;
  failSolved: number;
  failUnsolved: number;
}

export interface Candidate {
  passedPublic: boolean;
  solved: boolean;
}

export function countSubmissionGroups(candidates: readonly Candidate[]): SubmissionGroupCounts {
  const counts = { passSolved: 0, passUnsolved: 0, failSolved: 0, failUnsolved: 0 };
  for (const c of candidates) {
    if (c.passedPublic && c.solved) counts.passSolved++;
    else if (c.passedPublic) counts.passUnsolved++;
    else if (c.solved) counts.failSolved++;
    else counts.failUnsolved++;
  }
  return counts;
}

/**
 * Exact expected success of the n@k selection procedure for one problem:
 * draw `drawn` (= m) of the R candidates uniformly without replacement, order
 * the drawn ones public-passing first (random order inside each group), submit
 * the first `submissions` (= n), succeed if any submitted one is solved.
 *
 * With P = passSolved + passUnsolved, F = failSolved + failUnsolved and p the
 * number of public-passing candidates among the m drawn (hypergeometric):
 *   s₁ = min(n, p)          submitted from the passing group,
 *   s₂ = min(n − s₁, m − p) submitted from the failing group.
 * Given p, the s₁ passing submissions are a uniform s₁-subset of all P passing
 * candidates and the s₂ failing ones a uniform s₂-subset of all F failing ones,
 * independently. Hence
 *   P(fail) = Σ_p  C(P,p)·C(F,m−p)/C(R,m) · C(passUnsolved,s₁)/C(P,s₁) · C(failUnsolved,s₂)/C(F,s₂)
 * and n@k = 1 − P(fail).
 */
export function nAtKFromCounts(counts: SubmissionGroupCounts, options: { submissions: number; drawn: number }): number {
  const { submissions: n, drawn: m } = options;
  const passing = counts.passSolved + counts.passUnsolved;
  const failing = counts.failSolved + counts.failUnsolved;
  const total = passing + failing;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`nAtK: submissions must be an integer ≥ 1, got ${n}`);
  if (!Number.isInteger(m) || m < 1 || m > total) {
    throw new RangeError(`nAtK: drawn must be an integer in 1..${total}, got ${m}`);
  }
  let failure = 0;
  const lowest = Math.max(0, m - failing);
  const highest = Math.min(m, passing);
  for (let p = lowest; p <= highest; p++) {
    const weight = hypergeometricPmf(total, passing, m, p);
    if (weight === 0) continue;
    const fromPassing = Math.min(n, p);
    const fromFailing = Math.min(n - fromPassing, m - p);
    failure += weight * chooseRatio(counts.passUnsolved, passing, fromPassing) * chooseRatio(counts.failUnsolved, failing, fromFailing);
  }
  return Math.min(1, Math.max(0, 1 - failure));
}

export interface NAtKOptions {
  /** Submissions allowed (the n of n@k). */
  n: number;
  /** Sample budget in model replies (the k of n@k). */
  k: number;
  /** Turns per rollout; each rollout is charged turnLimit samples, so m = ⌊k / turnLimit⌋ rollouts. */
  turnLimit: number;
}

/**
 * n@k over a run (docs/method.md §7.3), e.g. 10@100 with 3 turns = 10 submissions from
 * 33 rollouts. Problems with fewer than m non-errored rollouts are skipped.
 */
export function nAtK(episodes: readonly EpisodeOutcome[], options: NAtKOptions): ProblemMean & { drawn: number } {
  const drawn = Math.floor(options.k / options.turnLimit);
  if (drawn < 1) throw new RangeError(`nAtK: budget k=${options.k} buys no rollout of ${options.turnLimit} turns`);
  const { byProblem } = groupByProblem(episodes);
  const perProblem: number[] = [];
  let skippedProblems = 0;
  for (const rollouts of byProblem.values()) {
    if (rollouts.length < drawn) {
      skippedProblems++;
      continue;
    }
    perProblem.push(nAtKFromCounts(countSubmissionGroups(rollouts), { submissions: options.n, drawn }));
  }
  return { value: meanOrNull(perProblem), problems: perProblem.length, skippedProblems, drawn };
}
