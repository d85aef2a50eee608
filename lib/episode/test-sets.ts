import type { EnvironmentConfig } from "../config/run-config";
import type { TestCase } from "../problems/problem-record";
import type { EpisodeProblem } from "./types";

type TestSetConfig = Pick<EnvironmentConfig, "judgeTests" | "feedbackTests" | "feedbackTestCount">;

/** The submission's tests (docs/method.md §1.3): public + private, plus generated when the run judges them. */
export function judgedTestsOf(problem: EpisodeProblem, env: Pick<EnvironmentConfig, "judgeTests">): TestCase[] {
  return env.judgeTests === "public+private+generated"
    ? [...problem.publicTests, ...problem.privateTests, ...problem.generatedTests]
    : [...problem.publicTests, ...problem.privateTests];
}

/**
 * The tests every reply runs on, which drive the feedback and the early stop. The paper's setup: the
 * public tests. App. B.3: the first `feedbackTestCount` (20) of public, then private, then generated
 * tests. They are always a prefix of the judged tests, so a reply that fails one cannot be solved
 * (the metrics rely on this: lib/runs/compute-run-summary.ts).
 */
export function loopTestsOf(problem: EpisodeProblem, env: TestSetConfig): TestCase[] {
  if (env.feedbackTests === "public") return problem.publicTests;
  return judgedTestsOf(problem, env).slice(0, env.feedbackTestCount);
}
