import type { ActionResult } from "@/lib/actions/action-result";
import type { ImportProblemsFileResult } from "@/lib/actions/datasets/import-problems-file";

export type UploadResult = ActionResult<ImportProblemsFileResult>;

/**
 * Send the form's file as the raw body of POST /api/datasets/upload (streamed by the browser from
 * disk, streamed to disk by the server), the other fields in the query string.
 */
export async function uploadProblemsFile(form: FormData): Promise<UploadResult> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { ok: false, error: { code: "INVALID_INPUT", message: "choose a file", fieldErrors: { file: ["choose a file"] } } };
  const query = new URLSearchParams({ fileName: file.name });
  for (const key of ["dataset", "split", "format", "source"]) {
    const value = form.get(key);
    if (typeof value === "string" && value) query.set(key, value);
  }
  const response = await fetch(`/api/datasets/upload?${query}`, {
    method: "POST",
    body: file,
    headers: { "content-type": "application/octet-stream" },
  });
  const body = await response.json().catch(() => null);
  if (body && typeof body === "object" && ("ok" in body || "error" in body)) return "ok" in body ? body : { ok: false, error: body.error };
  throw new Error(`HTTP ${response.status}`);
}
