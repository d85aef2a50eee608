import os from "node:os";
import { randomUUID } from "node:crypto";
import { getBoss } from "../lib/jobs/boss";
import { jobPayloadSchemas, QUEUES, type QueueName } from "../lib/jobs/queues";
import { runLeased, type RunHandler } from "../lib/runs/run-leased";
import { startReaper } from "./reaper";
import { env } from "../lib/config/env";

// Processors are imported lazily so a worker starts fast and a broken one
// does not take the others down at import time.
const processors: Record<QueueName, () => Promise<RunHandler>> = {
  [QUEUES.evalRun]: async () => (await import("./processors/eval-run")).processEvalRun,
  [QUEUES.trainRun]: async () => (await import("./processors/train-run")).processTrainRun,
};

export interface WorkerOptions {
  /** how many runs one worker process drives at once */
  concurrentRuns?: number;
}

/** Start serving every queue; returns a stop function. */
export async function startWorker(opts: WorkerOptions = {}): Promise<{ workerId: string; stop: () => Promise<void> }> {
  const workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const boss = await getBoss();
  const slots = opts.concurrentRuns ?? Number(env().RLEF_WORKER_RUNS ?? 2);
  for (const queue of Object.values(QUEUES)) {
    for (let i = 0; i < slots; i++) {
      await boss.work(queue, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
        const { runId } = jobPayloadSchemas[queue].parse(job.data);
        const handler = await processors[queue]();
        // One lease owner per job execution: a duplicate job in this same process must not pass the claim.
        // A transient failure with retries left is rethrown here, so pg-boss retries the job with backoff.
        const outcome = await runLeased(runId, `${workerId}:${job.id}`, handler, {
          retry: { count: job.retryCount, limit: job.retryLimit },
        });
        console.log(`[worker] ${queue} ${runId}: ${outcome}`);
      });
    }
  }
  const stopReaper = startReaper();
  console.log(`[worker] ${workerId} serving ${Object.values(QUEUES).join(", ")} (${slots} runs at once)`);
  return {
    workerId,
    stop: async () => {
      stopReaper();
      await boss.offWork(QUEUES.evalRun).catch(() => {});
      await boss.offWork(QUEUES.trainRun).catch(() => {});
    },
  };
}
