import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db/client";
import { summarizeMissingTests, type MissingTestsSummary } from "./missing-tests";
import type { ProblemRecord } from "./problem-record";
import { readAllProblems, type ReadProblemsFileOptions } from "./read-problems-file";
import { readBenchmarkProblems, type BenchmarkImportOptions, type BenchmarkImportReport } from "./benchmarks/import-benchmark";

export interface ImportProblemsOptions extends Omit<ReadProblemsFileOptions, "format">, BenchmarkImportOptions {
  dataset: string;
  /** split for every problem; or a function of the record (the demo data's own split list) */
  split: string | ((record: ProblemRecord) => string);
  source?: string;
  description?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportProblemsResult {
  datasetId: string;
  /** true when this exact file was imported before with the same split: nothing was written */
  alreadyImported: boolean;
  created: number;
  /** problems whose externalId the dataset already had: kept as they were */
  skippedExisting: number;
  total: number;
  /** the file's problems lacking public, private or generated tests (named when public or private are missing) */
  missingTests: MissingTestsSummary;
  /** benchmark files (HumanEval+, MBPP+, …): the format read and the judge audit of the reference solutions */
  benchmark?: BenchmarkImportReport;
}

const BATCH = 100;

function fileHash(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/**
 * Import a problems file into a dataset, all or nothing: the whole file is
 * validated first (errors name the line/row and field), then written in one
 * transaction. Re-importing the same file with the same split is a no-op;
 * problems already in the dataset (same externalId) are left untouched.
 */
export async function importProblemsFile(db: Db, file: string, opts: ImportProblemsOptions): Promise<ImportProblemsResult> {
  const contentHash = fileHash(file);
  const splitLabel = typeof opts.split === "string" ? opts.split : "per-problem";
  // benchmark formats (lib/problems/benchmarks) first; otherwise CodeContests / our records as before
  const benchmark = await readBenchmarkProblems(file, opts);
  const problems = benchmark ? benchmark.problems : await readAllProblems(file, { ...opts, format: opts.format === "auto" || opts.format === undefined ? opts.format : (opts.format as ReadProblemsFileOptions["format"]) });
  const splitOf = typeof opts.split === "string" ? () => opts.split as string : opts.split;
  const missingTests = summarizeMissingTests(problems.map((p) => p.record));

  return db.$transaction(async (tx) => {
    const dataset = await tx.dataset.upsert({
      where: { name: opts.dataset },
      create: { name: opts.dataset, source: opts.source ?? benchmark?.source ?? "codecontests", description: opts.description },
      update: {},
    });
    const previous = await tx.datasetImport.findUnique({
      where: { datasetId_contentHash_split: { datasetId: dataset.id, contentHash, split: splitLabel } },
    });
    if (previous) return { datasetId: dataset.id, alreadyImported: true, created: 0, skippedExisting: 0, total: problems.length, missingTests };

    const existing = new Set(
      (await tx.problem.findMany({ where: { datasetId: dataset.id }, select: { externalId: true } })).map((p) => p.externalId),
    );
    const fresh = problems.filter((p) => !existing.has(p.record.externalId));
    for (let i = 0; i < fresh.length; i += BATCH) {
      await tx.problem.createMany({
        data: fresh.slice(i, i + BATCH).map(({ record }) => ({
          datasetId: dataset.id,
          externalId: record.externalId,
          name: record.name,
          split: splitOf(record),
          difficulty: record.difficulty,
          rating: record.rating,
          tags: record.tags,
          timeLimitMs: record.timeLimitMs,
          memoryLimitBytes: record.memoryLimitBytes,
          publicTestCount: record.publicTests.length,
          privateTestCount: record.privateTests.length,
          generatedTestCount: record.generatedTests.length,
          description: record.description,
          publicTests: record.publicTests,
          privateTests: record.privateTests,
          generatedTests: record.generatedTests,
          referenceSolutions: record.referenceSolutions,
          wrongSolutions: record.wrongSolutions,
        })),
      });
      opts.onProgress?.(Math.min(i + BATCH, fresh.length), fresh.length);
    }
    await tx.datasetImport.create({
      data: { datasetId: dataset.id, fileName: path.basename(file), contentHash, split: splitLabel, rows: problems.length },
    });
    await tx.dataset.update({
      where: { id: dataset.id },
      data: { problemCount: await tx.problem.count({ where: { datasetId: dataset.id } }), importedAt: new Date() },
    });
    return { datasetId: dataset.id, alreadyImported: false, created: fresh.length, skippedExisting: problems.length - fresh.length, total: problems.length, missingTests };
  }, { timeout: 30 * 60_000, maxWait: 60_000 }).then(async (result: ImportProblemsResult) =>
    benchmark ? { ...result, benchmark: await benchmark.report(result.alreadyImported) } : result);
}
