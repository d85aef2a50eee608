import "@/components/ui/dashboard.css";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/components/auth/require-page-user";
import { PERMISSIONS } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import { countMissingTests } from "@/lib/problems/missing-tests";
import { getDataset } from "@/lib/queries/datasets/get-dataset";
import { listDatasetFacets } from "@/lib/queries/datasets/list-dataset-facets";
import { listDatasetProblems, type DatasetProblemFilterValues as Filters } from "@/lib/queries/datasets/list-dataset-problems";
import { EmptyState } from "@/components/ui/EmptyState";
import { formatBytes, formatDateTime, formatDuration } from "@/components/ui/format";
import { PagerLinks } from "@/components/ui/PagerLinks";
import { DatasetProblemFilters } from "./DatasetProblemFilters";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeader } from "@/components/ui/PageHeader";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => [v].flat()[0] || undefined;

/** /datasets/:id — a dataset's imports and its problems (narrow rows, keyset pages by name). */
export async function DatasetPage({ datasetId, searchParams }: { datasetId: string; searchParams: SearchParams }) {
  await requirePageUser(PERMISSIONS.read, `/datasets/${datasetId}`);
  const db = getPrisma();
  const dataset = await getDataset(db, datasetId);
  if (!dataset) notFound();
  const filters: Filters = { split: first(searchParams.split), difficulty: first(searchParams.difficulty), q: first(searchParams.q) };
  const after = first(searchParams.after);
  const before = first(searchParams.before);
  const [page, facets, missing] = await Promise.all([
    listDatasetProblems(db, datasetId, { filters, after, before }),
    listDatasetFacets(db, datasetId),
    countMissingTests(db, datasetId),
  ]);
  const hrefFor = (cursor: { after?: string; before?: string } | null) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    if (cursor?.after) params.set("after", cursor.after);
    if (cursor?.before) params.set("before", cursor.before);
    return `/datasets/${datasetId}${params.size ? `?${params}` : ""}`;
  };
  return (
    <section className="stack" data-testid="dataset-page">
      <div>
        <PageHeader
          crumbs={
            <>
              <Link href="/datasets">Datasets</Link> / {dataset.name}
            </>
          }
          title={<>{dataset.name}</>}
        >
          <span className="muted">
            {dataset.problemCount.toLocaleString("en-US")} problems · source {dataset.source}
          </span>
        </PageHeader>
        {dataset.description ? <p className="muted">{dataset.description}</p> : null}
        <div className="meta-row">
          <span>
            <Link href={`/runs?dataset=${dataset.id}`}>{dataset._count.runs} runs</Link>
          </span>
          {dataset.imports.map((i) => (
            <span key={i.id}>
              imported <b>{i.fileName}</b> ({i.rows} rows, split {i.split}) {formatDateTime(i.importedAt)}
            </span>
          ))}
        </div>
      </div>
      <MissingTestsTable splits={missing} />
      <DatasetProblemFilters filters={filters} facets={facets} />
      {page.rows.length === 0 ? (
        <EmptyState title="No problems match">Clear the filters, or import a file on the datasets page.</EmptyState>
      ) : (
        <>
          <DataTable
            testId="problems-table"
            head={
              <>
                <th>Problem</th>
                <th>Split</th>
                <th>Difficulty</th>
                <th className="num">Rating</th>
                <th className="num">Tests (public / private / generated)</th>
                <th>Limits</th>
                <th>Tags</th>
              </>
            }
          >
            {page.rows.map((p) => (
              <tr key={p.id} data-testid="problem-row">
                <td>
                  <Link href={`/problems/${p.id}`}>{p.name}</Link>{" "}
                  <span className="muted" style={{ fontSize: 12 }}>
                    {p.externalId !== p.name ? p.externalId : ""}
                  </span>
                </td>
                <td>{p.split}</td>
                <td>{p.difficulty ?? "—"}</td>
                <td className="num">{p.rating ?? "—"}</td>
                <td className="num">
                  {p.publicTestCount} / {p.privateTestCount} / {p.generatedTestCount}
                </td>
                <td>
                  {formatDuration(p.timeLimitMs)} · {formatBytes(p.memoryLimitBytes)}
                </td>
                <td className="muted">{p.tags.join(", ")}</td>
              </tr>
            ))}
          </DataTable>
          <div className="table-foot">
            <span />
            <PagerLinks hrefFor={hrefFor} prevCursor={page.prevCursor} nextCursor={page.nextCursor} onFirstPage={!after && !before} />
          </div>
        </>
      )}
    </section>
  );
}

/** Per split: how many problems lack which tests (issue 10.4); training drops those without public or private tests. */
function MissingTestsTable({ splits }: { splits: Awaited<ReturnType<typeof countMissingTests>> }) {
  if (splits.length === 0) return null;
  const examples = splits.flatMap((s) => s.examples);
  return (
    <DataTable
      frameTestId="missing-tests"
      head={
        <>
          <th>Split</th>
          <th className="num">Problems</th>
          <th className="num">Without public tests</th>
          <th className="num">Without private tests</th>
          <th className="num">Without generated tests</th>
          <th className="num">Dropped by training (no public or private tests)</th>
        </>
      }
      after={
        examples.length ? (
          <div className="table-foot" data-testid="missing-tests-examples">
            <span>
              Lacking public or private tests: {examples.map((e) => `${e.externalId} (no ${e.missing.join(" or ")} tests)`).join(", ")}
              {splits.reduce((n, s) => n + s.noPublicOrPrivate, 0) > examples.length ? ", …" : ""}
            </span>
          </div>
        ) : null
      }
    >
      {splits.map((s) => (
        <tr key={s.split} data-testid={`missing-tests-${s.split}`}>
          <td>{s.split}</td>
          <td className="num">{s.problems}</td>
          <td className="num">{s.noPublic}</td>
          <td className="num">{s.noPrivate}</td>
          <td className="num">{s.noGenerated}</td>
          <td className="num">{s.noPublicOrPrivate}</td>
        </tr>
      ))}
    </DataTable>
  );
}
