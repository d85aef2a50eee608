import Link from "next/link";
import type { ProblemRunStatRow } from "@/lib/queries/problems/list-problem-run-stats";
import { solveRateOf } from "@/components/charts/prepare-checkpoint-solve-rates";
import { formatDateTime, formatPercent } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { DataTable } from "@/components/ui/DataTable";

/** Per-run (and per-checkpoint) results on this problem, from the pre-aggregated rows. */
export function ProblemRunStats({ problemId, stats }: { problemId: string; stats: ProblemRunStatRow[] }) {
  return (
    <DataTable
      testId="problem-run-stats"
      head={
        <>
          <th>Run</th>
          <th>Status</th>
          <th>Policy</th>
          <th>Checkpoint</th>
          <th className="num">Rollouts</th>
          <th className="num">Solved</th>
          <th className="num">Solve rate</th>
          <th className="num">Passed public</th>
          <th>Created</th>
        </>
      }
    >
      {stats.map((s) => {
        const scored = s.episodes - s.errored;
        return (
          <tr key={s.run.id}>
            <td>
              <Link href={`/runs/${s.run.id}?problem=${encodeURIComponent(problemId)}`} title="this run's episodes of this problem">
                {s.run.name}
              </Link>{" "}
              <span className="muted" style={{ fontSize: 12 }}>
                {s.run.kind.toLowerCase()}
              </span>
            </td>
            <td>
              <StatusBadge status={s.run.status} />
            </td>
            <td>{s.run.policyLabel}</td>
            <td>{s.run.checkpoint ? <Link href={`/runs/${s.run.checkpoint.runId}`}>step {s.run.checkpoint.step}</Link> : "—"}</td>
            <td className="num">
              {s.episodes}
              {s.errored ? <span className="muted"> ({s.errored} errored)</span> : null}
            </td>
            <td className="num">{s.solved}</td>
            <td className="num">
              <b>{formatPercent(solveRateOf(s))}</b>
            </td>
            <td className="num">{formatPercent(scored > 0 ? s.passedPublic / scored : null)}</td>
            <td>{formatDateTime(s.run.createdAt)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
