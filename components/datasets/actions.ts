"use server";
import { importProblemsFileAction } from "@/lib/actions/datasets/import-problems-file";

/** The datasets page's upload form posts here (FormData: dataset, split, format, file). */
export async function importProblemsFileFromForm(form: FormData) {
  return importProblemsFileAction({
    dataset: form.get("dataset"),
    split: form.get("split"),
    format: form.get("format") || undefined,
    source: form.get("source") || undefined,
    file: form.get("file"),
  });
}
