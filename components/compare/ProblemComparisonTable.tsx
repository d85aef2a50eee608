import Link from "next/link";
import type { FlipCounts } from "@/lib/queries/compare/compare-flips";
import type { CompareTableParams, CompareTableRow } from "@/lib/queries/compare/compare-table";
import { compareHref, pct, pp } from "./format";
import { FLIP_COLORS, FLIP_LABELS } from "./prepare-scatter";
import { DataTable } from "@/components/ui/DataTable";

interface Props {
  a: string;
  b: string;
  params: CompareTableParams;
  table: { rows: CompareTableRow[]; total: number; page: number; pages: number };
  flips: FlipCounts;
  problems: number;
}

const SHOW: { key: CompareTableParams["show"]; label: (f: FlipCounts, n: number) => string }[] = [
  { key: "all", label: (_f, n) => `All (${n})` },
  { key: "flips", label: (f) => `Flips (${f.aOnly + f.bOnly})` },
  { key: "aOnly", label: (f) => `A only (${f.aOnly})` },
  { key: "bOnly", label: (f) => `B only (${f.bOnly})` },
  { key: "changed", label: () => "Rate changed" },
];

function rate(solved: number | null, scored: number | null, value: number | null) {
  return solved === null ? (
    <span className="muted">–</span>
  ) : (
    <>
      {pct(value, 0)}{" "}
      <span className="muted">
        ({solved}/{scored})
      </span>
    </>
  );
}

export function ProblemComparisonTable({ a, b, params, table, flips, problems }: Props) {
  const href = (over: Partial<Record<string, string | number | undefined>>) =>
    compareHref({ a, b, show: params.show, sort: params.sort, label: params.label, page: undefined, ...over });
  const sortLink = (key: CompareTableParams["sort"], label: string) => (
    <Link href={href({ sort: key })} className={params.sort === key ? "sorted" : ""}>
      {label}
    </Link>
  );
  return (
    <section data-testid="problem-table">
      <div className="compare-tabs">
        {SHOW.map((s) => (
          <Link key={s.key} href={href({ show: s.key })} className={params.show === s.key ? "active" : ""} data-testid={`show-${s.key}`}>
            {s.label(flips, problems)}
          </Link>
        ))}
        {params.label ? (
          <span className="badge" data-testid="active-label">
            label: {params.label}{" "}
            <Link href={href({ label: undefined })} aria-label="clear label filter">
              ✕
            </Link>
          </span>
        ) : null}
      </div>
      <DataTable
        head={
          <>
            <th>{sortLink("name", "Problem")}</th>
            <th>Difficulty</th>
            <th className="num">{sortLink("a", "A solved")}</th>
            <th className="num">{sortLink("b", "B solved")}</th>
            <th className="num">{sortLink("delta", "Δ (B − A)")}</th>
            <th>Flip</th>
            <th />
          </>
        }
      >
        {table.rows.map((r) => (
          <tr key={r.problemId} data-testid="compare-row" data-flip={r.flip}>
            <td>
              <Link href={`/problems/${r.problemId}`}>{r.name}</Link>
            </td>
            <td className="muted">{r.difficulty ?? ""}</td>
            <td className="num">{rate(r.aSolved, r.aScored, r.aRate)}</td>
            <td className="num">{rate(r.bSolved, r.bScored, r.bRate)}</td>
            <td className="num">{pp(r.delta, 0)}</td>
            <td>
              {r.flip === "aOnly" || r.flip === "bOnly" ? (
                <span className="flip-chip" style={{ background: FLIP_COLORS[r.flip] }}>
                  {FLIP_LABELS[r.flip]}
                </span>
              ) : (
                <span className="muted">{FLIP_LABELS[r.flip]}</span>
              )}
            </td>
            <td>
              <Link href={`/compare/episodes?${new URLSearchParams({ a, b, problem: r.problemId })}`} data-testid="side-by-side-link">
                side by side
              </Link>
            </td>
          </tr>
        ))}
        {table.rows.length === 0 ? (
          <tr>
            <td colSpan={7} className="muted" data-testid="compare-empty">
              No problems match this view.
            </td>
          </tr>
        ) : null}
      </DataTable>
      <div className="table-foot">
        <span>{table.total} problems · a problem is “solved” by a run when at least one of its rollouts passed all judged tests</span>
        <span className="pager">
          {table.page > 1 ? <Link href={href({ page: table.page - 1 })}>← previous</Link> : null}
          <span>
            page {table.page} of {table.pages}
          </span>
          {table.page < table.pages ? (
            <Link href={href({ page: table.page + 1 })} data-testid="next-page">
              next →
            </Link>
          ) : null}
        </span>
      </div>
    </section>
  );
}
