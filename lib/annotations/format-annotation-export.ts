import type { AnnotationExportRow } from "../queries/annotations/annotation-export-rows";

export type AnnotationExportFormat = "jsonl" | "csv";

export const CSV_COLUMNS: (keyof AnnotationExportRow)[] = [
  "annotationId",
  "createdAt",
  "updatedAt",
  "author",
  "runId",
  "runName",
  "episodeId",
  "sampleIndex",
  "problemExternalId",
  "problemName",
  "solved",
  "turnsUsed",
  "turnIndex",
  "labels",
  "note",
];

/**
 * RFC 4180 quoting. Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a
 * leading apostrophe (OWASP's CSV-injection advice): notes are free text from any annotator.
 * JSONL is the lossless format.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : Array.isArray(value) ? value.join("|") : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatExportHeader(format: AnnotationExportFormat): string {
  return format === "csv" ? CSV_COLUMNS.join(",") + "\r\n" : "";
}

export function formatExportRow(row: AnnotationExportRow, format: AnnotationExportFormat): string {
  return format === "csv" ? CSV_COLUMNS.map((c) => csvCell(row[c])).join(",") + "\r\n" : JSON.stringify(row) + "\n";
}

/** A text stream of the whole export: header, then one line per row as the rows arrive. */
export function exportStream(rows: AsyncIterable<AnnotationExportRow>, format: AnnotationExportFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        const header = formatExportHeader(format);
        if (header) return controller.enqueue(encoder.encode(header));
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(formatExportRow(next.value, format)));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
