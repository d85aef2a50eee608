import Link from "next/link";
import { requirePageUser } from "@/components/auth/require-page-user";
import { getPrisma } from "@/lib/db/client";
import { loadCheckpointEvals } from "@/lib/queries/compare/compare-checkpoints";
import { CheckpointCurves } from "./CheckpointCurves";
import { compareHref, pct } from "./format";
import { prepareCheckpointSeries } from "./prepare-checkpoint-series";
import "@/components/ui/dashboard.css";
import "./compare.css";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeader } from "@/components/ui/PageHeader";

export async function CheckpointsPage({ run }: { run?: string }) {
  await requirePageUser("viewer", "/compare");
  if (!run)
    return (
      <p className="card">
        Choose a training run on the <Link href="/compare">Compare</Link> page.
      </p>
    );
  const data = await loadCheckpointEvals(getPrisma(), run);
  if (!data)
    return (
      <p className="card" data-testid="compare-error">
        No run with id {run}.
      </p>
    );
  const charts = prepareCheckpointSeries(data.points);
  const done = data.points.filter((p) => p.oneAtThree);
  return (
    <div data-testid="checkpoints-page">
      <PageHeader
        crumbs={
          <>
            <Link href="/compare">Compare</Link> / checkpoints
          </>
        }
        title={<>{data.training.name}</>}
      >
        <Link href={`/runs/${data.training.id}`}>training run</Link>
      </PageHeader>
      {data.points.length === 0 ? (
        <p className="card">This run has not evaluated a checkpoint yet.</p>
      ) : (
        <>
          <div className="checkpoint-charts">
            {charts.map((c) => (
              <CheckpointCurves key={c.split} split={c.split} rows={c.rows} metrics={c.metrics.map(({ key, label }) => ({ key, label }))} />
            ))}
          </div>
          <h2>Checkpoint evals</h2>
          <DataTable
            head={
              <>
                <th className="num">Step</th>
                <th>Split</th>
                <th>Eval run</th>
                <th>Status</th>
                <th className="num">1@3</th>
                <th className="num">pass@1</th>
                <th>Compare with the previous step</th>
              </>
            }
          >
            {data.points.map((p) => {
              const previous = done.filter((q) => q.split === p.split && q.step < p.step).at(-1);
              return (
                <tr key={p.runId} data-testid="checkpoint-row">
                  <td className="num">{p.step}</td>
                  <td>{p.split}</td>
                  <td>
                    <Link href={`/runs/${p.runId}`}>{p.runName}</Link>
                  </td>
                  <td>{p.status.toLowerCase()}</td>
                  <td className="num">{pct(p.oneAtThree?.value)}</td>
                  <td className="num">{pct(p.passAt1)}</td>
                  <td>
                    {previous ? (
                      <Link href={compareHref({ a: previous.runId, b: p.runId })}>
                        step {previous.step} → {p.step}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
    </div>
  );
}
