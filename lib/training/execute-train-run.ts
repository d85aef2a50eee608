import { trainRunConfigSchema, type TrainRunConfig } from "../config/train-config";
import type { Db } from "../db/client";
import type { EpisodeEnvironment } from "../episode/environment";
import { createSandboxEnvironment } from "../episode/sandbox-environment";
import { createModelPolicy } from "../policy/model-policy";
import { PolicyError } from "../policy/types";
import { loadEpisodeProblem } from "../runs/load-episode-problem";
import { createRandomFeedbackSource } from "../runs/random-feedback-source";
import { mapBounded } from "../runs/map-bounded";
import { playEpisode } from "../runs/play-episode";
import { selectRunProblems } from "../runs/select-run-problems";
import { planStep } from "./plan-step";
import { recordEnvironmentMetrics, recordTrainerSteps } from "./record-step-metrics";
import { registerTrainRun } from "./register-run";
import { saveAndEvaluate } from "./save-and-evaluate";
import { sftLoop } from "./sft-loop";
import { submitStepEpisodes } from "./submit-step-episodes";
import type { TrainLoopOptions } from "./train-loop-options";
import { createTrainerClient, TrainerUnavailableError, type TrainerClient } from "../trainer-api/trainer-client";
import { waitForTrainer } from "./wait-for-trainer";

/** Trainer down (connection refused, 5xx, timeouts): pause and wait, never count as a failed episode. */
export function isTrainerOutage(err: unknown): boolean {
  if (err instanceof TrainerUnavailableError) return true;
  return (
    err instanceof PolicyError && (err.kind === "network" || err.kind === "timeout" || (err.kind === "http" && (err.status ?? 0) >= 500))
  );
}

/**
 * Drive a training run (docs/method.md §4–6 through the trainer service): each step
 * plays its planned episodes with the trainer's current policy, stores them
 * with their step, submits them and records the PPO step's metrics; every N
 * steps a checkpoint is saved, registered and evaluated with the eval-run code.
 * The trainer being down pauses the run with the reason on the row.
 */
export async function executeTrainRun(
  db: Db,
  runId: string,
  options: Omit<TrainLoopOptions, "env"> & { env?: EpisodeEnvironment; pollMs?: number } = {},
): Promise<void> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
  if (run.status === "COMPLETED" || run.status === "CANCELLED" || run.status === "FAILED") return;
  const config: TrainRunConfig = trainRunConfigSchema.parse(run.config);
  // the random-feedback ablation (App. C.2) draws its donors from the training split
  const donors =
    config.environment.feedback === "random"
      ? await createRandomFeedbackSource(db, { datasetId: run.datasetId, seed: config.seed })
      : undefined;
  const opts = { ...options, env: options.env ?? createSandboxEnvironment({ donors }) };
  const trainer = createTrainerClient(config.trainer.baseUrl, { timeoutMs: config.trainer.requestTimeoutMs });
  // the paper's rule (§3.1): train problems without public or private tests are dropped (createTrainRun says how many)
  const problems =
    config.algo === "sft"
      ? []
      : await selectRunProblems(db, { datasetId: run.datasetId, split: run.split, requireTests: { for: "training" } });
  if (config.algo === "ppo" && problems.length === 0)
    throw new Error(`no problems with public and private tests in ${config.dataset}/${config.split}`);
  await db.run.update({
    where: { id: runId },
    data: {
      status: "RUNNING",
      startedAt: run.startedAt ?? new Date(),
      ...(config.algo === "ppo" ? { progressTotal: config.steps * config.episodesPerStep } : {}),
    },
  });

  for (;;) {
    try {
      const configSha256 = await registerTrainRun(db, trainer, runId, config);
      if (config.algo === "sft") await sftLoop(db, runId, config, trainer, configSha256, opts);
      else await trainLoop(db, runId, config, trainer, configSha256, problems, opts);
      return;
    } catch (err) {
      if (opts.signal?.aborted || !isTrainerOutage(err)) throw err;
      await waitForTrainer(db, runId, trainer, String((err as Error).message), opts);
    }
  }
}

async function trainLoop(
  db: Db,
  runId: string,
  config: TrainRunConfig,
  trainer: TrainerClient,
  configSha256: string,
  problems: { id: string }[],
  opts: TrainLoopOptions,
): Promise<void> {
  const status = await trainer.status();
  // A restarted trainer resumes from its last checkpoint: replay the steps after it with the stored episodes.
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { trainStep: true } });
  let step = Math.min(run.trainStep, status.step);
  if (step < run.trainStep) await requeueUntrained(db, trainer, runId, step);
  const policy = createModelPolicy(
    {
      kind: "trainer",
      baseUrl: config.trainer.baseUrl,
      model: "policy",
      maxConcurrency: config.concurrency,
      requestTimeoutMs: config.trainer.requestTimeoutMs,
      maxRetries: 2,
    },
    { temperature: config.sampling.temperature, topP: 1, maxTokens: config.sampling.maxTokens },
  );

  for (; step < config.steps; step++) {
    opts.signal?.throwIfAborted();
    const slots = planStep({
      seed: config.seed,
      step,
      episodesPerStep: config.episodesPerStep,
      rolloutsPerProblem: config.rolloutsPerProblem,
      problemCount: problems.length,
    });
    await mapBounded(
      slots,
      config.concurrency,
      async (slot) => {
        const problem = await loadEpisodeProblem(db, problems[slot.problemIndex].id);
        await playEpisode(db, {
          runId,
          problem,
          sampleIndex: slot.sampleIndex,
          policy,
          env: opts.env,
          trainStep: step,
          environment: config.environment,
          reward: config.reward,
          signal: opts.signal,
          isPauseWorthy: isTrainerOutage,
          // issue 12.2: an attempt the sandbox could not judge is a failed attempt with its reason, never a lost episode
          sandboxErrors: "fail-attempt",
        });
      },
      opts.signal,
    );
    opts.signal?.throwIfAborted();
    const records = await submitStepEpisodes(db, trainer, {
      runId,
      step,
      temperature: config.sampling.temperature,
      configSha256,
      pollMs: opts.jobPollMs,
      signal: opts.signal,
    });
    await recordTrainerSteps(db, runId, records);
    await recordEnvironmentMetrics(db, runId, step, config.environment.turnLimit);
    const counters = await db.run.update({
      where: { id: runId },
      data: { trainStep: step + 1 },
      select: { progressDone: true, progressTotal: true, progressErrored: true },
    });
    opts.onProgress?.({ done: counters.progressDone, total: counters.progressTotal, errored: counters.progressErrored });

    await saveAndEvaluate(db, trainer, { runId, config, done: step + 1, env: opts.env, signal: opts.signal });
  }
  await db.run.updateMany({ where: { id: runId, status: "RUNNING" }, data: { status: "COMPLETED", finishedAt: new Date() } });
}

/** Episodes of steps the trainer lost (it restarted from a checkpoint) go back to it. */
async function requeueUntrained(db: Db, trainer: TrainerClient, runId: string, fromStep: number): Promise<void> {
  const episodes = await db.episode.findMany({
    where: { runId, trainStep: { gte: fromStep }, submittedToTrainer: true },
    select: { id: true },
  });
  if (episodes.length === 0) return;
  const known = await trainer.lookup(
    runId,
    episodes.map((e) => e.id),
  );
  const lost = known.unknown; // "pending" ones are in a step job the trainer replayed from its journal
  if (lost.length) await db.episode.updateMany({ where: { id: { in: lost } }, data: { submittedToTrainer: false } });
}
