"use client";
import { Fragment, useState } from "react";
import type { JudgedTestView } from "@/lib/queries/episodes/get-episode-with-turns";
import { formatBytes, formatDuration } from "@/components/ui/format";
import { VerdictBadge } from "@/components/ui/VerdictBadge";
import { TestResultDetail } from "./TestResultDetail";
import { DataTable } from "@/components/ui/DataTable";

const AUTO_OPEN = 3;

/**
 * Per-test verdict, time and memory; a row opens to show input, expected vs
 * actual and stderr. The first few failures start open: that is what people look for.
 */
export function TestResultsTable({
  results,
  label,
  describe,
}: {
  results: JudgedTestView[];
  label: string;
  describe?: (r: JudgedTestView) => string;
}) {
  const failing = results
    .filter((r) => r.verdict !== "OK")
    .slice(0, AUTO_OPEN)
    .map((r) => r.index);
  const [open, setOpen] = useState<Set<number>>(() => new Set(failing));
  if (results.length === 0) return <div className="muted">No tests ran.</div>;
  const toggle = (index: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  const passed = results.filter((r) => r.verdict === "OK").length;
  return (
    <div data-testid="test-results">
      <div className="muted" style={{ fontSize: 12, marginBottom: 4 }}>
        {label}: {passed} / {results.length} passed
      </div>
      <DataTable
        tableClassName="test-table"
        head={
          <>
            <th>Test</th>
            <th>Verdict</th>
            <th className="num">Time</th>
            <th className="num">Memory</th>
            <th className="num">Exit</th>
            <th />
          </>
        }
      >
        {results.map((r) => (
          <Fragment key={r.index}>
            <tr data-testid="test-row" data-verdict={r.verdict}>
              <td>{describe ? describe(r) : `#${r.index + 1}`}</td>
              <td>
                <VerdictBadge verdict={r.verdict} />
              </td>
              <td className="num">{formatDuration(r.timeMs)}</td>
              <td className="num">{formatBytes(r.peakMemoryBytes)}</td>
              <td className="num">{r.signal ? `signal ${r.signal}` : (r.exitCode ?? "—")}</td>
              <td>
                <button type="button" className="button small" aria-expanded={open.has(r.index)} onClick={() => toggle(r.index)}>
                  {open.has(r.index) ? "hide" : "details"}
                </button>
              </td>
            </tr>
            {open.has(r.index) ? (
              <tr>
                <td colSpan={6}>
                  <TestResultDetail result={r} />
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </DataTable>
    </div>
  );
}
