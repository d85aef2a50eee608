import type { TrainRunConfig } from "../config/train-config";
import type { Db } from "../db/client";
import { recordPoints, recordTrainerSteps } from "./record-step-metrics";
import { saveAndEvaluate } from "./save-and-evaluate";
import { loadSftSources, sftStepExamples } from "./sft-examples";
import type { TrainLoopOptions } from "./train-loop-options";
import { waitForJobs, type TrainerClient } from "../trainer-api/trainer-client";

/**
 * The SFT baseline through the same trainer, checkpoints and evals as RLEF: each step sends the next
 * batch of successful trajectories (POST /sft/examples), waits for the trainer's step job and records its
 * loss; every `checkpointEvery` steps a checkpoint is saved and evaluated. A resumed run continues at the
 * step it reached; the trainer reports already-trained examples as duplicates.
 */
export async function sftLoop(
  db: Db,
  runId: string,
  config: TrainRunConfig,
  trainer: TrainerClient,
  configSha256: string,
  opts: TrainLoopOptions,
): Promise<void> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { trainStep: true, datasetId: true } });
  const sft = config.sft;
  const sources = await loadSftSources(db, sft.sourceRuns, run.datasetId);
  if (sources.length === 0) throw new Error(`sft.sourceRuns: the source runs have no solved episode to learn from`);
  const status = await trainer.status();
  for (let step = Math.min(run.trainStep, status.step); step < config.steps; step++) {
    opts.signal?.throwIfAborted();
    const examples = sftStepExamples(sources, { step, batch: config.episodesPerStep, epochs: sft.epochs, seed: config.seed });
    if (examples.length === 0) break;
    const submitted = await trainer.submitExamples(runId, configSha256, examples);
    const flushed = await trainer.flush(runId, configSha256);
    const jobs = [...submitted.jobs, ...flushed.pending_jobs, ...(flushed.job ? [flushed.job] : [])].map((j) => j.id);
    const records = await waitForJobs(trainer, jobs, { pollMs: opts.jobPollMs, signal: opts.signal });
    await recordTrainerSteps(db, runId, records);
    // trajectories longer than the model's context are skipped by the trainer and counted here
    await recordPoints(db, runId, step + 1, { "sft/skipped_too_long": submitted.rejected.length });
    const counters = await db.run.update({
      where: { id: runId },
      data: { trainStep: step + 1, progressDone: { increment: examples.length } },
      select: { progressDone: true, progressTotal: true, progressErrored: true },
    });
    opts.onProgress?.({ done: counters.progressDone, total: counters.progressTotal, errored: counters.progressErrored });
    await saveAndEvaluate(db, trainer, { runId, config, done: step + 1, env: opts.env, signal: opts.signal });
  }
  await db.run.updateMany({ where: { id: runId, status: "RUNNING" }, data: { status: "COMPLETED", finishedAt: new Date() } });
}
