import Link from "next/link";
import type { LabelEpisodeCount } from "@/lib/queries/annotations/annotation-label-counts";
import { compareHref } from "./format";
import { DataTable } from "@/components/ui/DataTable";

/** Annotated failure labels in each run, each a filter of the problem table (and of each run's episode table). */
export function LabelCounts({ a, b, counts, active }: { a: string; b: string; counts: LabelEpisodeCount[]; active?: string }) {
  if (counts.length === 0) {
    return (
      <p className="muted" data-testid="label-counts-empty">
        No annotated episodes in these runs yet. <Link href={`/annotations/queue?run=${b}&outcome=failed`}>Annotate B&apos;s failures</Link>
      </p>
    );
  }
  return (
    <DataTable
      className="label-counts"
      frameTestId="label-counts"
      head={
        <>
          <th>Label</th>
          <th className="num">Episodes in A</th>
          <th className="num">Episodes in B</th>
        </>
      }
    >
      {counts.map((c) => (
        <tr key={c.labelId} className={active === c.name ? "is-active" : ""}>
          <td>
            <Link href={compareHref({ a, b, label: c.name })} data-testid="label-filter">
              <span className="label-chip" style={{ background: c.color }}>
                {c.name}
              </span>
            </Link>
          </td>
          <td className="num">
            <Link href={`/runs/${a}?label=${encodeURIComponent(c.name)}`}>{c.episodes[a] ?? 0}</Link>
          </td>
          <td className="num">
            <Link href={`/runs/${b}?label=${encodeURIComponent(c.name)}`}>{c.episodes[b] ?? 0}</Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
