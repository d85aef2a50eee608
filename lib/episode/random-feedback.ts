import type { JudgeLimits, JudgeOutcome } from "./environment";
import type { TestCase } from "../problems/problem-record";
import type { FeedbackSource } from "./types";

/** One incorrect Python 3 solution of another problem, with that problem's public tests and limits. */
export interface FeedbackDonor {
  /** the donor problem's external id */
  problem: string;
  /** position of the solution in the donor's incorrect solutions */
  solution: number;
  code: string;
  tests: TestCase[];
  timeLimitMs: number | null;
  memoryLimitBytes: number | null;
}

// App. C.2 runs this when no incorrect solution of an unrelated problem fails its tests.
export const NOT_IMPLEMENTED_CODE = "raise NotImplementedError()";

/** Donors tried per feedback message before falling back to NOT_IMPLEMENTED_CODE. */
export const DEFAULT_DONOR_TRIES = 10;

/**
 * The random-feedback ablation (App. C.2): take donors in the given (seeded) order, run each one's
 * incorrect Python 3 solution on the donor's own public tests under the donor's own limits, and use the
 * first run that fails. A donor solution that passes its public tests gives no feedback, so the next
 * donor is tried; a sandbox failure is never shown as the program's. When none fails within
 * `maxTries`, `raise NotImplementedError()` runs on the first donor's tests (the episode's own public
 * tests only when the split has no donor at all).
 */
export async function chooseRandomFeedback(opts: {
  donors: AsyncIterable<FeedbackDonor> | Iterable<FeedbackDonor>;
  maxTries?: number;
  ownProblem: string;
  ownTests: TestCase[];
  ownLimits: JudgeLimits;
  defaultLimits: JudgeLimits;
  judge: (code: string, tests: TestCase[], limits: JudgeLimits) => Promise<JudgeOutcome>;
}): Promise<{ tests: TestCase[]; outcome: JudgeOutcome; source: FeedbackSource }> {
  const maxTries = opts.maxTries ?? DEFAULT_DONOR_TRIES;
  const limitsOf = (d: FeedbackDonor): JudgeLimits => ({
    timeLimitMs: d.timeLimitMs ?? opts.defaultLimits.timeLimitMs,
    memoryLimitBytes: d.memoryLimitBytes ?? opts.defaultLimits.memoryLimitBytes,
  });
  let tries = 0;
  let first: FeedbackDonor | null = null;
  for await (const donor of opts.donors) {
    if (tries >= maxTries) break;
    if (donor.problem === opts.ownProblem || donor.tests.length === 0) continue;
    tries++;
    first ??= donor;
    const outcome = await opts.judge(donor.code, donor.tests, limitsOf(donor));
    if (unjudged(outcome)) continue;
    if (outcome.verdict !== "OK") {
      return { tests: donor.tests, outcome, source: { kind: "donor", problem: donor.problem, solution: donor.solution, tries } };
    }
  }
  const tests = first?.tests ?? opts.ownTests;
  const limits = first ? limitsOf(first) : opts.ownLimits;
  const outcome = await opts.judge(NOT_IMPLEMENTED_CODE, tests, limits);
  return { tests, outcome, source: { kind: "not-implemented", problem: first?.problem ?? null, tries } };
}

function unjudged(outcome: JudgeOutcome): boolean {
  return outcome.verdict === "SANDBOX_ERROR" || outcome.tests.some((t) => t.verdict === "SANDBOX_ERROR");
}
