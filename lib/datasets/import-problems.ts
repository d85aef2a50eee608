import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Db } from "../db/client";
import { scanText } from "../problems/check-text";
import { addClamps, type ClampSummary } from "../problems/clamp-limits";
import { importLimitsFromEnv } from "../problems/import-limits";
import { summarizeMissingTests, type MissingTestsSummary } from "../problems/missing-tests";
import { ProblemFileError } from "../problems/problem-file-error";
import type { ProblemRecord } from "../problems/problem-record";
import { readProblemsFile, type ReadProblemsFileOptions } from "../problems/read-problems-file";
import { readBenchmarkProblems, type BenchmarkImportOptions, type BenchmarkImportReport } from "../benchmarks/import-benchmark";

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
  /** time and memory limits lowered to the configured maxima (import-limits.ts), counted and named */
  clamped: ClampSummary;
  /** benchmark files (HumanEval+, MBPP+, …): the format read and the judge audit of the reference solutions */
  benchmark?: BenchmarkImportReport;
}

// a write batch ends at 100 problems or at this much text, whichever comes first: memory is one batch
const BATCH = 100;
const BATCH_CHARS = 4 * 1024 * 1024;

async function fileHash(file: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    await pipeline(fs.createReadStream(file), hash); // streamed: an upload of hundreds of MB never sits in memory
  } catch (error) {
    throw new ProblemFileError(file, null, null, `cannot read: ${(error as Error).message}`);
  }
  return hash.digest("hex");
}

/** Only what the summary needs of a record: the test lists' emptiness, not their contents. */
function testPresence(record: ProblemRecord) {
  const some = (list: readonly unknown[]) => (list.length ? [true] : []);
  return {
    externalId: record.externalId,
    publicTests: some(record.publicTests),
    privateTests: some(record.privateTests),
    generatedTests: some(record.generatedTests),
  };
}

/**
 * Import a problems file into a dataset, all or nothing: the whole file is
 * validated first, streaming, keeping only what the summary needs (errors
 * name the line/row and field), then read again and written in batches in one
 * transaction. Memory is one batch (or one Parquet row group), never the file.
 * An empty file is an error: it would leave an empty dataset. Re-importing the
 * same file with the same split is a no-op; problems already in the dataset
 * (same externalId) are left untouched.
 */
export async function importProblemsFile(db: Db, file: string, opts: ImportProblemsOptions): Promise<ImportProblemsResult> {
  const contentHash = await fileHash(file);
  const splitLabel = typeof opts.split === "string" ? opts.split : "per-problem";
  // benchmark formats (lib/benchmarks) first; otherwise CodeContests / our records, streamed
  const benchmark = await readBenchmarkProblems(file, opts);
  const format = opts.format === undefined || opts.format === "auto" ? opts.format : (opts.format as ReadProblemsFileOptions["format"]);
  const readOptions = { ...opts, format, limits: opts.limits ?? importLimitsFromEnv() };
  const records = () =>
    benchmark
      ? (async function* () {
          yield* benchmark.problems;
        })()
      : readProblemsFile(file, readOptions);
  const splitOf = typeof opts.split === "string" ? () => opts.split as string : opts.split;
  const presence: ReturnType<typeof testPresence>[] = [];
  const clamped: ClampSummary = { count: 0, examples: [] };
  for await (const { record, clamps } of records()) {
    presence.push(testPresence(record));
    if (clamps?.length) addClamps(clamped, clamps);
  }
  if (presence.length === 0)
    throw new ProblemFileError(file, null, null, "holds no problems (the file is empty or only blank lines); nothing to import");
  const total = presence.length;
  const missingTests = summarizeMissingTests(presence);

  return db
    .$transaction(
      async (tx) => {
        const dataset = await tx.dataset.upsert({
          where: { name: opts.dataset },
          create: { name: opts.dataset, source: opts.source ?? benchmark?.source ?? "codecontests", description: opts.description },
          update: {},
        });
        const previous = await tx.datasetImport.findUnique({
          where: { datasetId_contentHash_split: { datasetId: dataset.id, contentHash, split: splitLabel } },
        });
        if (previous) return { datasetId: dataset.id, alreadyImported: true, created: 0, skippedExisting: 0, total, missingTests, clamped };

        const existing = new Set(
          (await tx.problem.findMany({ where: { datasetId: dataset.id }, select: { externalId: true } })).map((p) => p.externalId),
        );
        const freshTotal = presence.filter((p) => !existing.has(p.externalId)).length;
        let created = 0;
        let batch: ProblemRecord[] = [];
        let batchChars = 0;
        const flush = async () => {
          if (!batch.length) return;
          await tx.problem.createMany({
            data: batch.map((record) => ({
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
          created += batch.length;
          batch = [];
          batchChars = 0;
          opts.onProgress?.(created, freshTotal);
        };
        // the second read: the same validated records (an error here still rolls everything back)
        for await (const { record } of records()) {
          if (existing.has(record.externalId)) continue;
          batch.push(record);
          batchChars += scanText(record).chars;
          if (batch.length >= BATCH || batchChars >= BATCH_CHARS) await flush();
        }
        await flush();
        await tx.datasetImport.create({
          data: { datasetId: dataset.id, fileName: path.basename(file), contentHash, split: splitLabel, rows: total },
        });
        await tx.dataset.update({
          where: { id: dataset.id },
          data: { problemCount: await tx.problem.count({ where: { datasetId: dataset.id } }), importedAt: new Date() },
        });
        return { datasetId: dataset.id, alreadyImported: false, created, skippedExisting: total - created, total, missingTests, clamped };
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    )
    .then(async (result: ImportProblemsResult) =>
      benchmark ? { ...result, benchmark: await benchmark.report(result.alreadyImported) } : result,
    );
}
