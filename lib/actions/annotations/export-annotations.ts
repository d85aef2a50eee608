import { z } from "zod";
import { exportStream } from "../../annotations/format-annotation-export";
import { PERMISSIONS } from "../../auth/roles";
import { iterateAnnotationExportRows } from "../../queries/annotations/annotation-export-rows";
import { defineAction } from "../define-action";

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
    fileName: `annotations${run ? `-${run}` : ""}${label ? `-${label.replace(/[^\w-]+/g, "_")}` : ""}.${format}`,
    body: exportStream(iterateAnnotationExportRows(db, { runId: run, label }), format),
  }),
});
