import os from "node:os";
import { Command } from "commander";
import { getPrisma } from "../../lib/db/client";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { cancelRun } from "../../lib/runs/cancel-run";

/**
 * `rlef cancel <run>`: the same as the run page's button. The worker holding the run aborts at its next
 * heartbeat; a queued job is skipped. Exit status 1 when there is no such run, 0 otherwise (a run that
 * had already ended is reported as such and left alone).
 */
export function cancelCommand(): Command {
  return new Command("cancel")
    .description("cancel a queued or running run (and its checkpoint evals); finished episodes are kept")
    .argument("<run>", "run id")
    .option("--json", "print the result as JSON")
    .action(async (runId: string, o: { json?: boolean }) => {
      const handle = await ensureDatabase();
      try {
        const result = await cancelRun(getPrisma(), runId, `cancelled from the CLI by ${os.userInfo().username}@${os.hostname()}`);
        if (!result) {
          console.error(`no run with id ${runId}`);
          process.exitCode = 1;
          return;
        }
        if (o.json) console.log(JSON.stringify(result));
        else console.log(result.changed ? `run ${runId} CANCELLED` : `run ${runId} is ${result.status}: nothing to cancel`);
      } finally {
        await getPrisma().$disconnect();
        await handle.stop();
      }
    });
}
