import fs from "node:fs";
import { Command, Option } from "commander";
import { getPrisma } from "../../lib/db/client";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { exportRun, type RunExportFormat } from "../../lib/runs/export-run";

export function exportCommand(): Command {
  return new Command("export")
    .description("write a run's episodes with all turns as JSONL (or as chat conversations for SFT)")
    .requiredOption("--run <id>", "run id")
    .addOption(
      new Option("--format <format>", "jsonl: everything; chat: messages + outcome per episode")
        .choices(["jsonl", "chat"])
        .default("jsonl"),
    )
    .option("-o, --out <file>", "output file (default: stdout)")
    .action(async (o: { run: string; format: RunExportFormat; out?: string }) => {
      const handle = await ensureDatabase();
      const out = o.out ? fs.createWriteStream(o.out) : process.stdout;
      let lines = 0;
      try {
        for await (const line of exportRun(getPrisma(), o.run, o.format)) {
          if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
          lines++;
        }
        if (o.out) {
          await new Promise<void>((r) => (out as fs.WriteStream).end(r));
          console.error(`wrote ${lines} episodes to ${o.out}`);
        }
      } finally {
        await getPrisma().$disconnect();
        await handle.stop();
      }
    });
}
