import { z } from "zod";
import { exportStream } from "../../annotations/format-annotation-export";
import { PERMISSIONS } from "../../auth/roles";
import { iterateAnnotationExportRows } from "../../queries/annotations/annotation-export-rows";
import { defineAction } from "../define-action";

function safeFilePart(value: string): string {
  return value.replace(/[^\w-]+/g, "_").slice(0, 100);
}

/** Read-only, but a route handler all the same: it goes through the wrapper for its session and role. */
export const exportAnnotationsAction = defineAction({
  name: "exportAnnotations",
  role: PERMISSIONS.read,
  kind: "query",
  input: z.object({
    format: z.enum(["jsonl", "csv"]).default("jsonl"),
    run: z.string().min(1).optional(),
    label: z.string().min(1).max(128).optional(),
  }),
  handler: async ({ format, run, label }, { db }) => ({
    format,
    // both reach the Content-Disposition header: only letters, digits, _ and - survive (no quotes, CR/LF, ;)
    fileName: `annotations${run ? `-${safeFilePart(run)}` : ""}${label ? `-${safeFilePart(label)}` : ""}.${format}`,
    body: exportStream(iterateAnnotationExportRows(db, { runId: run, label }), format),
  }),
});
