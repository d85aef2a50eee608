"use client";
import { formatAuditReport, formatNeedsChecker } from "@/lib/benchmarks/format-audit-report";
import { IMPORT_FORMAT_OPTIONS } from "@/lib/datasets/import-formats";
import { formatClamps } from "@/lib/problems/clamp-limits";
import { formatMissingTests } from "@/lib/problems/missing-tests";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { OptionList } from "@/components/ui/form/OptionList";
import { uploadProblemsFile, type UploadResult } from "./upload-problems-file";

type Outcome = { ok: true; message: string } | { ok: false; message: string } | null;

/** Upload a problems file in any format `rlef import` reads; same validation and all-or-nothing import. */
export function ImportDatasetForm({ canImport }: { canImport: boolean }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  if (!canImport) return <p className="muted">Importing datasets needs the admin role.</p>;
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setOutcome(null);
    startTransition(async () => {
      let result: UploadResult;
      try {
        result = await uploadProblemsFile(data);
      } catch (err) {
        // the request itself failed (too large for the server's upload limit, connection lost)
        setOutcome({
          ok: false,
          message: `The upload did not reach the importer: ${err instanceof Error ? err.message : String(err)}. For very large files use \`npx rlef import\`.`,
        });
        return;
      }
      if (result.ok) {
        const d = result.data;
        const missing = formatMissingTests(d.missingTests);
        const clamped = d.clamped ? formatClamps(d.clamped) : null;
        // benchmark files: what was kept out of runs, and whether the reference solutions pass (as the CLI prints)
        const benchmark = d.benchmark
          ? [
              `format: ${d.benchmark.format}`,
              formatNeedsChecker(d.benchmark.needsChecker),
              d.benchmark.audit ? formatAuditReport(String(data.get("dataset")), d.benchmark.audit) : null,
            ]
              .filter(Boolean)
              .join("\n")
          : null;
        setOutcome({
          ok: true,
          message:
            (d.alreadyImported
              ? "This file was already imported with this split: nothing to do."
              : `Imported ${d.created} problems${d.skippedExisting ? ` (${d.skippedExisting} already there were kept)` : ""}.`) +
            (missing ? `\n${missing}` : "") +
            (clamped ? `\n${clamped}` : "") +
            (benchmark ? `\n${benchmark}` : ""),
        });
        form.current?.reset();
        router.refresh();
      } else {
        const fields = Object.entries(result.error.fieldErrors ?? {}).map(([k, v]) => `${k}: ${v.join(", ")}`);
        setOutcome({ ok: false, message: [result.error.message, ...fields.filter((f) => !f.startsWith("file: nothing"))].join("\n") });
      }
    });
  };
  return (
    <form ref={form} className="panel stack" onSubmit={submit} data-testid="import-form">
      <h3>Import problems</h3>
      <div className="form-row">
        <label>
          File (.jsonl, .jsonl.gz, .json, .parquet)
          <input type="file" name="file" accept=".jsonl,.gz,.json,.parquet" required data-testid="import-file" />
        </label>
        <label>
          Dataset
          <input name="dataset" required placeholder="codecontests" data-testid="import-dataset" />
        </label>
        <label>
          Split
          <input name="split" required defaultValue="test" data-testid="import-split" />
        </label>
        <label>
          Format
          <select name="format" defaultValue="auto" data-testid="import-format">
            <OptionList options={IMPORT_FORMAT_OPTIONS} />
          </select>
        </label>
        <button type="submit" className="button primary" disabled={pending} data-testid="import-submit">
          {pending ? "Importing…" : "Import"}
        </button>
      </div>
      <div className="muted" style={{ fontSize: 12 }}>
        The whole file is validated first; a bad line names its line (or row) and field and nothing is written. Re-importing the same file
        is a no-op.
      </div>
      {outcome ? (
        <div
          className={`notice ${outcome.ok ? "ok" : "bad"}`}
          role={outcome.ok ? "status" : "alert"}
          data-testid="import-outcome"
          style={{ whiteSpace: "pre-line" }}
        >
          {outcome.message}
        </div>
      ) : null}
    </form>
  );
}
