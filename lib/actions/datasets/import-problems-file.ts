import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { PERMISSIONS } from "../../auth/roles";
import { defineAction } from "../define-action";
import { ActionError } from "../action-result";
import { importProblemsFile } from "../../problems/import-problems";
import type { ClampSummary } from "../../problems/clamp-limits";
import type { MissingTestsSummary } from "../../problems/missing-tests";
import { ProblemFileError } from "../../problems/problem-file-error";

const FILE_NAME = /\.(jsonl|jsonl\.gz|parquet)$/i;

export const importProblemsFileInput = z.object({
  dataset: z.string().trim().min(1, "name the dataset").max(100).regex(/^[\w.@-]+$/, "letters, digits, . _ - @ only"),
  split: z.string().trim().min(1).max(40).regex(/^[\w-]+$/, "letters, digits, _ and - only"),
  format: z.enum(["auto", "codecontests-jsonl", "jsonl", "parquet"]).default("auto"),
  source: z.string().trim().max(60).optional(),
  file: z
    .instanceof(File, { message: "choose a file" })
    .refine((f) => f.size > 0, "the file is empty")
    .refine((f) => FILE_NAME.test(f.name), "a .jsonl, .jsonl.gz or .parquet file"),
});

export interface ImportProblemsFileResult {
  datasetId: string;
  created: number;
  skippedExisting: number;
  total: number;
  alreadyImported: boolean;
  /** which problems lack which tests (lib/problems/missing-tests.ts) */
  missingTests: MissingTestsSummary;
  /** limits lowered to the configured maxima (lib/problems/clamp-limits.ts) */
  clamped: ClampSummary;
}

/**
 * (Moved here from app/datasets/import-problems-file-action.ts so the registry, and with it the
 * access tests, covers it; lib/ cannot import from app/.)
 * Import an uploaded problems file into a dataset, with the CLI's validation
 * and all-or-nothing transaction (importProblemsFile). The upload is written
 * to a private temp dir under its own name, so errors name the user's file,
 * line/row and field.
 */
export const importProblemsFileAction = defineAction({
  name: "importProblemsFile",
  // importing rewrites shared data every run reads: the same role that launches runs
  role: PERMISSIONS.importDatasets,
  input: importProblemsFileInput,
  handler: async (input, ctx): Promise<ImportProblemsFileResult> => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "rlef-upload-"));
    const file = path.join(dir, path.basename(input.file.name));
    try {
      await writeFile(file, Buffer.from(await input.file.arrayBuffer()));
      const result = await importProblemsFile(ctx.db, file, {
        dataset: input.dataset,
        split: input.split,
        format: input.format,
        source: input.source || "upload",
      });
      return { ...result };
    } catch (err) {
      if (err instanceof ProblemFileError) {
        throw new ActionError("INVALID_INPUT", `nothing was imported: ${err.message.replace(file, input.file.name)}`, { file: [err.message.replace(file, input.file.name)] });
      }
      throw err;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});
