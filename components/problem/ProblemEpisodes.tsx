import Link from "next/link";
import type { EpisodesPage } from "@/lib/queries/episodes/list-episodes-page";
import { formatSigned } from "@/components/ui/format";
import { OutcomeBadge } from "@/components/ui/OutcomeBadge";
import { PagerLinks } from "@/components/ui/PagerLinks";
import { VerdictBadge } from "@/components/ui/VerdictBadge";
import { DataTable } from "@/components/ui/DataTable";

/** Every episode of one problem across runs; opening one keeps j/k within this problem. */
export function ProblemEpisodes({
  problemId,
  page,
  hrefFor,
  onFirstPage,
}: {
  problemId: string;
  page: EpisodesPage;
  hrefFor: (cursor: { after?: string; before?: string } | null) => string;
  onFirstPage: boolean;
}) {
  return (
    <>
      <DataTable
        testId="problem-episodes"
        head={
          <>
            <th>Run</th>
            <th className="num">Sample</th>
            <th>Outcome</th>
            <th className="num">Turns</th>
            <th>First error</th>
            <th className="num">Reward</th>
            <th>Checkpoint</th>
          </>
        }
      >
        {page.rows.map((row) => (
          <tr key={row.id} data-testid="problem-episode-row">
            <td>
              <Link href={`/episodes/${row.id}?problem=${problemId}`} data-testid="problem-episode-link">
                {row.run.name}
              </Link>{" "}
              <span className="muted" style={{ fontSize: 12 }}>
                {row.run.policyLabel}
              </span>
            </td>
            <td className="num">{row.sampleIndex}</td>
            <td>
              <OutcomeBadge status={row.status} solved={row.solved} />
            </td>
            <td className="num">{row.turnsUsed}</td>
            <td>{row.firstErrorKind ? <VerdictBadge verdict={row.firstErrorKind} /> : <span className="muted">none</span>}</td>
            <td className="num">{formatSigned(row.finalReward)}</td>
            <td>{row.checkpoint ? `step ${row.checkpoint.step}` : "—"}</td>
          </tr>
        ))}
      </DataTable>
      <div className="table-foot">
        <span />
        <PagerLinks hrefFor={hrefFor} prevCursor={page.prevCursor} nextCursor={page.nextCursor} onFirstPage={onFirstPage} />
      </div>
    </>
  );
}
