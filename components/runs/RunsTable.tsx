"use client";
import { CancelRunButton } from "@/components/launch/CancelRunButton";
import { isCancellable } from "@/lib/runs/cancel-run";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { RunsPageData, RunsPageRow } from "@/lib/queries/runs/list-runs-page";
import { runFiltersToParams, type RunFilters } from "@/lib/queries/runs/run-filters";
import { EmptyState } from "@/components/ui/EmptyState";
import { formatDateTime, formatPercent } from "@/components/ui/format";
import { PagerLinks } from "@/components/ui/PagerLinks";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { INTERVAL_METHODS } from "@/lib/metrics/confidence-intervals";
import { runsQueryOptions } from "./runs-query";
import { DataTable } from "@/components/ui/DataTable";

const bounds = (lower: number, upper: number | null) => `[${(lower * 100).toFixed(1)}, ${((upper ?? lower) * 100).toFixed(1)}]`;

function HeadlineCells({ row, turns }: { row: RunsPageRow; turns: number }) {
  const m = row.metrics;
  const live = m && m.oneAtThree === null && m.liveProblems > 0;
  return (
    <>
      <td
        className="num"
        title={
          live
            ? `so far, over ${m.liveProblems} problems`
            : `1@3 with its 95% intervals: R = ${INTERVAL_METHODS.rollout.label}, P = ${INTERVAL_METHODS.problem.label}`
        }
      >
        {live ? (
          <span className="muted">{formatPercent(m.liveOneAtThree)}*</span>
        ) : (
          <>
            {formatPercent(m?.oneAtThree)}
            {m?.rolloutLower != null ? (
              <span className="muted" data-testid="runs-ci-rollout">
                {" "}
                {bounds(m.rolloutLower, m.rolloutUpper)}
                <sup>R</sup>
              </span>
            ) : null}
            {m?.problemLower != null ? (
              <span className="muted" data-testid="runs-ci-problem">
                {" "}
                {bounds(m.problemLower, m.problemUpper)}
                <sup>P</sup>
              </span>
            ) : null}
          </>
        )}
      </td>
      <td className="num">{formatPercent(m?.passAt1)}</td>
      {Array.from({ length: turns }, (_, i) => (
        <td key={i} className="num">
          {formatPercent(m?.solveRateByTurn[i])}
        </td>
      ))}
    </>
  );
}

/** The runs table; the first page arrives rendered on the server, then it polls while runs are live. */
/** `canCancel`: the user may launch runs, so each queued or running row gets a Cancel button. */
export function RunsTable({
  search,
  filters,
  initialPage,
  canCancel = false,
}: {
  search: string;
  filters: RunFilters;
  initialPage: RunsPageData;
  canCancel?: boolean;
}) {
  const { data, error } = useQuery(runsQueryOptions(search, initialPage));
  const page = data ?? initialPage;
  const turns = 3;
  const hrefFor = (cursor: { after?: string; before?: string } | null) => {
    const params = runFiltersToParams(filters);
    if (cursor?.after) params.set("after", cursor.after);
    if (cursor?.before) params.set("before", cursor.before);
    return params.size ? `/runs?${params}` : "/runs";
  };
  if (page.rows.length === 0) {
    return (
      <EmptyState title="No runs yet">
        Start one with <code>npx rlef eval --dataset demo --policy demo --rollouts 4</code>, or clear the filters.
      </EmptyState>
    );
  }
  const onFirstPage = !search.includes("after=") && !search.includes("before=");
  return (
    <>
      {error ? <div className="notice bad">Live refresh failed: {error.message}</div> : null}
      <DataTable
        testId="runs-table"
        head={
          <>
            <th>Run</th>
            <th>Status</th>
            <th>Progress</th>
            <th>Policy</th>
            <th>Dataset</th>
            <th className="num">1@3 [95% CI]</th>
            <th className="num">pass@1</th>
            {Array.from({ length: turns }, (_, i) => (
              <th key={i} className="num">
                after turn {i + 1}
              </th>
            ))}
            <th>Launched</th>
          </>
        }
      >
        {page.rows.map((row) => (
          <tr key={row.id} data-testid="run-row">
            <td>
              <Link href={`/runs/${row.id}`} data-testid="run-link">
                {row.name}
              </Link>
              <div className="muted" style={{ fontSize: 12 }}>
                {row.kind.toLowerCase()}
                {row.kind === "TRAIN" ? ` · step ${row.trainStep}` : ""}
              </div>
            </td>
            <td>
              <StatusBadge status={row.status} />
              {row.statusReason ? (
                <div className="muted" style={{ fontSize: 12 }}>
                  {row.statusReason}
                </div>
              ) : null}
              {canCancel && isCancellable(row.status) ? (
                <div>
                  <CancelRunButton runId={row.id} />
                </div>
              ) : null}
            </td>
            <td>
              <ProgressBar
                done={row.progressDone}
                total={row.progressTotal}
                errored={row.progressErrored}
                label={`progress of ${row.name}`}
              />
            </td>
            <td>
              {row.policyLabel}
              {row.checkpoint ? (
                <div style={{ fontSize: 12 }}>
                  <Link href={`/runs/${row.checkpoint.runId}`}>checkpoint step {row.checkpoint.step}</Link>
                </div>
              ) : null}
            </td>
            <td>
              <Link href={`/datasets/${row.dataset.id}`}>{row.dataset.name}</Link> <span className="muted">{row.split}</span>
            </td>
            <HeadlineCells row={row} turns={turns} />
            <td style={{ whiteSpace: "nowrap" }}>
              {formatDateTime(row.createdAt)}
              <div className="muted" style={{ fontSize: 12 }}>
                {row.launchedBy ? (row.launchedBy.name ?? row.launchedBy.email) : "CLI"}
              </div>
            </td>
          </tr>
        ))}
      </DataTable>
      <div className="table-foot">
        <span>* live 1@3 so far (no summary until the run completes)</span>
        <PagerLinks hrefFor={hrefFor} prevCursor={page.prevCursor} nextCursor={page.nextCursor} onFirstPage={onFirstPage} />
      </div>
    </>
  );
}
