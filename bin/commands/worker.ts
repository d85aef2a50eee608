import { Command } from "commander";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { surviveConnectionLoss } from "../../workers/survive-connection-loss";
import { startWorker } from "../../workers/worker";
import { onShutdown } from "../shutdown";

export function workerCommand(): Command {
  return new Command("worker")
    .description(
      "run a worker: eval and training runs from the Postgres queue (start more on other machines against the same DATABASE_URL)",
    )
    .option("--runs <n>", "runs driven at once by this worker", (v) => Number(v))
    .action(async (opts: { runs?: number }) => {
      // a Postgres restart must not take the worker down: it reconnects once the server is back
      surviveConnectionLoss();
      const db = await ensureDatabase({ migrate: true });
      const worker = await startWorker({ concurrentRuns: opts.runs });
      onShutdown(async () => {
        await worker.stop();
        await db.stop();
      });
    });
}
