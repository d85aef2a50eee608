import { evalRunConfigSchema, type EvalRunConfig } from "../config/run-config";
import type { Db } from "../db/client";
import type { EpisodeEnvironment } from "../episode/environment";
import { createDemoPolicy } from "../policy/demo-policy";
import { createPolicy } from "../policy/create-policy";
import { assertTrainerServesCheckpoint } from "./assert-trainer-serves-checkpoint";
import { loadDemoSolutions } from "./load-demo-solutions";
import { loadEpisodeProblem } from "./load-episode-problem";
import { mapBounded } from "./map-bounded";
import { playEpisode } from "./play-episode";
import { computeRunSummary } from "./compute-run-summary";
import { selectRunProblems } from "./select-run-problems";
import { createSandboxEnvironment } from "../episode/sandbox-environment";
import { createRandomFeedbackSource } from "./random-feedback-source";

export interface ExecuteRunOptions {
  /** the environment; built per run when absent (random feedback needs the run's problems) */
  env?: EpisodeEnvironment;
  signal?: AbortSignal;
  /** the decrypted API key of the run's stored endpoint, when it has one */
  apiKey?: string;
  onProgress?: (p: { done: number; total: number; errored: number }) => void;
}

/**
 * Drive an eval run to completion: every (problem, sample) pair not yet
 * finished is played with bounded concurrency; then the summary is stored.
 * Safe to call again after a crash: finished episodes are skipped, an
 * interrupted one resumes from its stored turns.
 */
export async function executeEvalRun(db: Db, runId: string, opts: ExecuteRunOptions): Promise<void> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
  if (run.status === "COMPLETED" || run.status === "CANCELLED" || run.status === "FAILED") return;
  const config: EvalRunConfig = evalRunConfigSchema.parse(run.config);
  if (run.checkpointId && config.policy.kind === "trainer")
    await assertTrainerServesCheckpoint(db, run.checkpointId, config.policy.baseUrl);
  const problems = await selectRunProblems(db, {
    datasetId: run.datasetId,
    split: run.split,
    problems: config.problems,
    limit: config.limit,
    requireTests: { for: "evaluation", judgeTests: config.environment.judgeTests },
  });
  const total = problems.length * config.rolloutsPerProblem;
  await db.run.update({
    where: { id: runId },
    data: { status: "RUNNING", startedAt: run.startedAt ?? new Date(), progressTotal: total },
  });

  const finished = new Set(
    (await db.episode.findMany({ where: { runId, status: { not: "RUNNING" } }, select: { problemId: true, sampleIndex: true } })).map(
      (e) => `${e.problemId}:${e.sampleIndex}`,
    ),
  );
  const externalIds = new Map(problems.map((p) => [p.id, p.externalId]));
  const solutions =
    config.policy.kind === "demo"
      ? await loadDemoSolutions(
          db,
          problems.map((p) => p.id),
        )
      : null;
  const policy = createPolicy(config.policy, config.sampling, {
    createDemoPolicy: (demo) =>
      createDemoPolicy({
        seed: demo.seed,
        solutionsOf: (id) => solutions?.get(id) ?? { reference: [], wrong: [] },
        stableKeyOf: (id) => externalIds.get(id) ?? id,
      }),
    clientOptions: opts.apiKey ? { apiKey: opts.apiKey } : undefined,
  });

  const env =
    opts.env ??
    createSandboxEnvironment({
      donors:
        config.environment.feedback === "random"
          ? await createRandomFeedbackSource(db, { datasetId: run.datasetId, seed: config.sampling.seed })
          : undefined,
    });

  function* pending() {
    for (const problem of problems) {
      for (let sample = 0; sample < config.rolloutsPerProblem; sample++) {
        if (!finished.has(`${problem.id}:${sample}`)) yield { problemId: problem.id, sample };
      }
    }
  }
  const report = async () => {
    if (!opts.onProgress) return;
    const r = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { progressDone: true, progressErrored: true } });
    opts.onProgress({ done: r.progressDone, total, errored: r.progressErrored });
  };
  await report();
  await mapBounded(
    pending(),
    config.concurrency,
    async ({ problemId, sample }) => {
      const problem = await loadEpisodeProblem(db, problemId);
      await playEpisode(db, {
        runId,
        problem,
        sampleIndex: sample,
        policy,
        env,
        environment: config.environment,
        reward: config.reward,
        signal: opts.signal,
        checkpointId: run.checkpointId,
      });
      await report();
    },
    opts.signal,
  );
  opts.signal?.throwIfAborted();

  const summary = await computeRunSummary(db, runId);
  await db.run.updateMany({
    where: { id: runId, status: "RUNNING" },
    data: { status: "COMPLETED", finishedAt: new Date(), summary: summary as object },
  });
}
