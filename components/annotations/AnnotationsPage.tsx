import Link from "next/link";
import { requirePageUser } from "@/components/auth/require-page-user";
import { hasRole, PERMISSIONS } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import { listAnnotationLabels } from "@/lib/queries/annotations/annotation-labels";
import { listAnnotations, listQueueableRuns } from "@/lib/queries/annotations/annotation-list";
import { StartQueueForm } from "./StartQueueForm";
import "@/components/ui/dashboard.css";
import "./annotations.css";
import { DataTable } from "@/components/ui/DataTable";

export async function AnnotationsPage({ label, run, cursor }: { label?: string; run?: string; cursor?: string }) {
  const { user } = await requirePageUser("viewer", "/annotations");
  const db = getPrisma();
  const [labels, list, runs] = await Promise.all([
    listAnnotationLabels(db),
    listAnnotations(db, { label, runId: run }, { cursor }),
    listQueueableRuns(db),
  ]);
  const filterHref = (over: Record<string, string | undefined>) => {
    const params = new URLSearchParams(Object.entries({ label, run, ...over }).filter(([, v]) => v) as [string, string][]);
    return `/annotations?${params}`;
  };
  const exportParams = new URLSearchParams(Object.entries({ label, run }).filter(([, v]) => v) as [string, string][]);
  return (
    <div data-testid="annotations-page">
      <div className="page-header">
        <h1>Annotations</h1>
        <a className="button small" href={`/api/annotations/export?format=jsonl&${exportParams}`} data-testid="export-jsonl">
          Export JSONL
        </a>
        <a className="button small" href={`/api/annotations/export?format=csv&${exportParams}`} data-testid="export-csv">
          Export CSV
        </a>
      </div>
      {hasRole(user.role, PERMISSIONS.annotate) ? (
        <StartQueueForm
          runs={runs.map((r) => ({ id: r.id, name: `${r.name} (${r.dataset.name}, ${r.kind.toLowerCase()}, ${r.status.toLowerCase()})` }))}
        />
      ) : null}
      <h2>Labels</h2>
      <div className="compare-tabs label-filter-bar" data-testid="annotation-label-filter">
        <Link href={filterHref({ label: undefined, cursor: undefined })} className={!label ? "active" : ""}>
          all
        </Link>
        {labels.map((l) => (
          <Link
            key={l.id}
            href={filterHref({ label: l.name, cursor: undefined })}
            className={label === l.name ? "active" : ""}
            data-label={l.name}
          >
            <span className="label-chip" style={{ background: l.color }}>
              {l.name}
            </span>{" "}
            {l.annotations}
          </Link>
        ))}
      </div>
      <DataTable
        testId="annotation-table"
        head={
          <>
            <th>Episode</th>
            <th>Run</th>
            <th>On</th>
            <th>Labels</th>
            <th>Note</th>
            <th>By</th>
            <th>When</th>
          </>
        }
      >
        {list.rows.map((a) => (
          <tr key={a.id} data-testid="annotation-row">
            <td>
              <Link href={`/episodes/${a.episode.id}`} data-testid="annotated-episode-link" data-episode-id={a.episode.id}>
                {a.episode.problem.name} #{a.episode.sampleIndex}
              </Link>{" "}
              {a.episode.solved ? <span className="badge ok">solved</span> : <span className="badge bad">failed</span>}
            </td>
            <td>
              <Link href={`/runs/${a.episode.run.id}`}>{a.episode.run.name}</Link>
            </td>
            <td>{a.turnIndex === null ? "episode" : `turn ${a.turnIndex + 1}`}</td>
            <td>
              {a.labels.map((l) => (
                <span key={l.id} className="label-chip" style={{ background: l.color }}>
                  {l.name}
                </span>
              ))}
            </td>
            <td className="annotation-note">{a.note}</td>
            <td className="muted">{a.author?.name || a.author?.email}</td>
            <td className="muted">{a.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
          </tr>
        ))}
        {list.rows.length === 0 ? (
          <tr>
            <td colSpan={7} className="muted">
              No annotations{label ? ` with “${label}”` : ""} yet.
            </td>
          </tr>
        ) : null}
      </DataTable>
      <div className="table-foot">
        <span />
        {list.nextCursor ? <Link href={filterHref({ cursor: list.nextCursor })}>older →</Link> : null}
      </div>
    </div>
  );
}
