import { Command, Option } from "commander";
import { getPrisma } from "../../lib/db/client";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { importProblemsFile } from "../../lib/datasets/import-problems";
import { formatClamps } from "../../lib/problems/clamp-limits";
import { importLimitsFromEnv } from "../../lib/problems/import-limits";
import { formatMissingTests } from "../../lib/problems/missing-tests";
import { ProblemFileError } from "../../lib/problems/problem-file-error";
import { formatAuditReport, formatNeedsChecker } from "../../lib/benchmarks/format-audit-report";
import { IMPORT_FORMATS, type ImportFormat } from "../../lib/datasets/import-formats";
import { createProgressBar } from "../progress";

export function importCommand(): Command {
  return new Command("import")
    .description("import problems: Hugging Face CodeContests JSONL or Parquet (as published), or our own JSONL; all or nothing")
    .argument("<file>", "a .jsonl, .jsonl.gz or .parquet file")
    .requiredOption("--dataset <name>", "dataset to import into (created when new)")
    .option("--split <split>", "split of these problems (train, valid, test, …)", "test")
    .addOption(
      new Option("--format <format>", "file format (the datasets page offers the same list)").choices(IMPORT_FORMATS).default("auto"),
    )
    .option("--source <name>", "where the data comes from (default: codecontests, or the benchmark's name)")
    .option("--no-audit", "benchmark files: skip the judge audit of the reference solutions")
    .option("--audit-stride <k>", "judge audit: judge every k-th private test only", "1")
    .action(
      async (
        file: string,
        o: { dataset: string; split: string; format: ImportFormat; source?: string; audit: boolean; auditStride: string },
      ) => {
        const handle = await ensureDatabase();
        const bar = createProgressBar("import");
        try {
          const result = await importProblemsFile(getPrisma(), file, {
            dataset: o.dataset,
            split: o.split,
            format: o.format,
            source: o.source,
            onProgress: (done, total) => bar.update(done, total),
            audit: o.audit,
            auditPrivateStride: Number(o.auditStride),
          });
          bar.stop();
          if (result.alreadyImported) console.log(`${file} was already imported into "${o.dataset}" (${o.split}): nothing to do`);
          else
            console.log(
              `imported ${result.created} problems into "${o.dataset}" (${o.split})${result.skippedExisting ? `; ${result.skippedExisting} already there were kept` : ""}`,
            );
          // which problems lack which tests, named: training drops those without public or private tests
          const missing = formatMissingTests(result.missingTests);
          console.log(missing ?? "every problem has public, private and generated tests");
          const clamped = formatClamps(result.clamped, importLimitsFromEnv());
          if (clamped) console.log(clamped);
          if (result.benchmark) {
            const { format, needsChecker, audit } = result.benchmark;
            console.log(`format: ${format}`);
            const kept = formatNeedsChecker(needsChecker);
            if (kept) console.log(kept);
            if (audit) console.log(formatAuditReport(o.dataset, audit));
          }
        } catch (err) {
          bar.stop();
          if (err instanceof ProblemFileError) {
            console.error(`import failed, nothing was written: ${err.message}`);
            process.exitCode = 2;
          } else throw err;
        } finally {
          await getPrisma().$disconnect();
          await handle.stop();
        }
      },
    );
}
