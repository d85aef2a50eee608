import { describe, expect, it } from "vitest";
import type { AnnotationExportRow } from "../queries/annotations/annotation-export-rows";
import { csvCell, exportStream, formatExportRow } from "./format-annotation-export";

const row: AnnotationExportRow = {
  annotationId: "a1",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  author: "x@y",
  runId: "r",
  runName: "run, with comma",
  episodeId: "e",
  sampleIndex: 0,
  problemExternalId: "p",
  problemName: "P",
  solved: false,
  turnsUsed: 3,
  turnIndex: null,
  labels: ["too slow", "I/O format"],
  note: 'said "hi"\nthen left',
};

describe("annotation export", () => {
  it("quotes CSV cells per RFC 4180 and defuses spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(null)).toBe("");
    expect(csvCell(["a", "b"])).toBe("a|b");
  });

  it("writes one parseable JSON line per row and streams a CSV header first", async () => {
    expect(JSON.parse(formatExportRow(row, "jsonl"))).toEqual(row);
    async function* rows() {
      yield row;
      yield { ...row, annotationId: "a2" };
    }
    const text = await new Response(exportStream(rows(), "csv")).text();
    const lines = text.split("\r\n");
    expect(lines[0]).toMatch(/^annotationId,createdAt/);
    expect(text).toContain('"run, with comma"');
    expect(text).toContain('"said ""hi""\nthen left"');
    expect(text.match(/^a\d,/gm)).toEqual(["a1,", "a2,"]);
  });
});
