import { env } from "../../config/env";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";
import { ActionError } from "../action-result";
import { importProblemsFile } from "../../datasets/import-problems";
import { IMPORT_FORMATS } from "../../datasets/import-formats";
import type { BenchmarkImportReport } from "../../benchmarks/import-benchmark";
import type { ClampSummary } from "../../problems/clamp-limits";
import type { MissingTestsSummary } from "../../problems/missing-tests";
import { ProblemFileError } from "../../problems/problem-file-error";

// .json: sanitized MBPP ships as one JSON array (sanitized-mbpp.json)
const FILE_NAME = /\.(jsonl|jsonl\.gz|json|parquet)$/i;
const DEFAULT_UPLOAD_MAX_BYTES = 2 * 1024 ** 3;

/** The largest upload the web accepts (RLEF_UPLOAD_MAX_BYTES, default 2 GiB); `rlef import` has no such cap. */
export function uploadMaxBytes(): number {
  const v = Number(env().RLEF_UPLOAD_MAX_BYTES);
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_UPLOAD_MAX_BYTES;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
}

export const importProblemsFileInput = z
  .object({
    dataset: z
      .string()
      .trim()
      .min(1, "name the dataset")
      .max(100)
      .regex(/^[\w.@-]+$/, "letters, digits, . _ - @ only"),
    split: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[\w-]+$/, "letters, digits, _ and - only"),
    format: z.enum(IMPORT_FORMATS).default("auto"),
    source: z.string().trim().max(60).optional(),
    /** a File (tests, small forms), or the request body of the upload route, streamed */
    file: z.union(
      [
        z.instanceof(File, { message: "choose a file" }).refine((f) => f.size > 0, "the file is empty"),
        z.custom<ReadableStream<Uint8Array>>((v) => v instanceof ReadableStream, "choose a file"),
      ],
      { message: "choose a file" },
    ),
    /** the file's name when `file` is a stream */
    fileName: z.string().max(255).optional(),
    /** the Content-Length the client declared, checked against the cap before reading anything */
    declaredBytes: z.coerce.number().int().nonnegative().optional(),
  })
  .superRefine((input, ctx) => {
    const name = input.file instanceof File ? input.file.name : (input.fileName ?? "");
    if (!FILE_NAME.test(name)) ctx.addIssue({ code: "custom", path: ["file"], message: "a .jsonl, .jsonl.gz, .json or .parquet file" });
  });

export interface ImportProblemsFileResult {
  datasetId: string;
  created: number;
  skippedExisting: number;
  total: number;
  alreadyImported: boolean;
  /** which problems lack which tests (lib/problems/missing-tests.ts) */
  missingTests: MissingTestsSummary;
  /** bytes received */
  uploadedBytes: number;
  /** limits lowered to the configured maxima (lib/problems/clamp-limits.ts) */
  clamped: ClampSummary;
  /** benchmark files: the format read, the problems kept out of runs for want of a checker, the judge audit */
  benchmark?: BenchmarkImportReport;
}

class UploadTooLargeError extends Error {}

/** Pass bytes through, failing as soon as more than `max` have gone by. */
function byteCap(max: number, counted: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      counted.bytes += chunk.length;
      if (counted.bytes > max) done(new UploadTooLargeError());
      else done(null, chunk);
    },
  });
}

/**
 * (Moved here from app/datasets/import-problems-file-action.ts so the registry, and with it the
 * access tests, covers it; lib/ cannot import from app/.)
 * Import an uploaded problems file into a dataset, with the CLI's validation and all-or-nothing
 * transaction (importProblemsFile). The wrapper checks the session and the admin role before the
 * handler reads a byte; the upload is then streamed to a private temp dir under its own name (so
 * errors name the user's file, line/row and field) with a size cap, and the dir is removed on
 * every path. The web sends the file as the body of POST /api/datasets/upload (app/api/datasets/upload).
 */
export const importProblemsFileAction = defineAction({
  name: "importProblemsFile",
  // importing rewrites shared data every run reads: the same role that launches runs
  role: PERMISSIONS.importDatasets,
  input: importProblemsFileInput,
  handler: async (input, ctx): Promise<ImportProblemsFileResult> => {
    const max = uploadMaxBytes();
    const tooLarge = () =>
      new ActionError(
        "TOO_LARGE",
        `the file is larger than the upload limit of ${mib(max)} (RLEF_UPLOAD_MAX_BYTES); use \`npx rlef import\` for bigger files`,
        { file: ["too large"] },
      );
    if ((input.declaredBytes ?? 0) > max || (input.file instanceof File && input.file.size > max)) throw tooLarge();
    const displayName = path.basename(input.file instanceof File ? input.file.name : input.fileName!);
    const dir = await mkdtemp(path.join(os.tmpdir(), "rlef-upload-"));
    const file = path.join(dir, displayName);
    const counted = { bytes: 0 };
    try {
      const stream = input.file instanceof File ? input.file.stream() : input.file;
      try {
        await pipeline(
          Readable.fromWeb(stream as WebReadableStream<Uint8Array>),
          byteCap(max, counted),
          createWriteStream(file, { mode: 0o600 }),
        );
      } catch (err) {
        if (err instanceof UploadTooLargeError) throw tooLarge();
        throw new ActionError(
          "INVALID_INPUT",
          `the upload did not arrive whole (${err instanceof Error ? err.message : String(err)}); nothing was imported`,
          { file: ["incomplete upload"] },
        );
      }
      if (counted.bytes === 0) throw new ActionError("INVALID_INPUT", "the file is empty", { file: ["the file is empty"] });
      const result = await importProblemsFile(ctx.db, file, {
        dataset: input.dataset,
        split: input.split,
        format: input.format,
        source: input.source || "upload",
      });
      return { ...result, uploadedBytes: counted.bytes };
    } catch (err) {
      if (err instanceof ProblemFileError) {
        throw new ActionError("INVALID_INPUT", `nothing was imported: ${err.message.replace(file, displayName)}`, {
          file: [err.message.replace(file, displayName)],
        });
      }
      throw err;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});
