import Link from "next/link";
import { requirePageUser } from "@/components/auth/require-page-user";
import { getPrisma } from "@/lib/db/client";
import { listComparableRuns, listTrainingRunsWithEvals } from "@/lib/queries/compare/compare-run-options";
import { loadRunComparison } from "@/lib/queries/compare/compare-runs";
import { compareTableParamsSchema } from "@/lib/queries/compare/compare-table";
import { LabelCounts } from "./LabelCounts";
import { MetricComparisonTable } from "./MetricComparisonTable";
import { ProblemComparisonTable } from "./ProblemComparisonTable";
import { RunHeaderCard } from "./RunHeaderCard";
import { RunPicker } from "./RunPicker";
import { SolveRateScatter } from "./SolveRateScatter";
import { SummaryComparison } from "./SummaryComparison";
import "@/components/ui/dashboard.css";
import "./compare.css";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function ComparePage({ searchParams }: { searchParams: Search }) {
  await requirePageUser("viewer", "/compare");
  const db = getPrisma();
  const a = one(searchParams.a);
  const b = one(searchParams.b);
  const params = compareTableParamsSchema.parse({
    show: one(searchParams.show),
    sort: one(searchParams.sort),
    page: one(searchParams.page),
    label: one(searchParams.label),
  });
  const [runs, trainingRuns, comparison] = await Promise.all([
    listComparableRuns(db),
    a && b ? Promise.resolve(null) : listTrainingRunsWithEvals(db),
    a && b ? loadRunComparison(db, a, b, params) : Promise.resolve(null),
  ]);

  return (
    <div data-testid="compare-page">
      <div className="page-header">
        <h1>Compare</h1>
      </div>
      {runs.length < 2 ? (
        <p className="card">Comparing needs two eval runs on the same dataset; there {runs.length === 1 ? "is one" : "are none"} yet.</p>
      ) : (
        <RunPicker runs={runs} a={a} b={b} />
      )}
      {comparison === null ? (
        trainingRuns && trainingRuns.length ? (
          <section>
            <h2>Checkpoints of a training run</h2>
            <ul>
              {trainingRuns.map((t) => (
                <li key={t.id}>
                  <Link href={`/compare/checkpoints?run=${t.id}`}>{t.name}</Link>{" "}
                  <span className="muted">
                    ({t._count.childRuns} checkpoint evals, {t.status.toLowerCase()})
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null
      ) : comparison.kind === "missing" ? (
        <p className="card" data-testid="compare-error">
          No run with id {comparison.missing}.
        </p>
      ) : comparison.kind === "different-datasets" ? (
        <p className="card" data-testid="compare-error">
          These runs are on different datasets ({comparison.runs.a.dataset.name} and {comparison.runs.b.dataset.name}); per-problem
          comparison needs the same problems.
        </p>
      ) : (
        <>
          <div className="compare-heads">
            <RunHeaderCard side="A" run={comparison.runs.a} />
            <RunHeaderCard side="B" run={comparison.runs.b} />
          </div>
          <div className="compare-grid">
            <div>
              <h2>Headline metrics</h2>
              <MetricComparisonTable metrics={comparison.metrics} />
              <h2>Failure labels</h2>
              <LabelCounts a={a!} b={b!} counts={comparison.labelCounts} active={params.label} />
            </div>
            <div>
              <h2>Per problem</h2>
              <SolveRateScatter points={comparison.scatter} a={a!} b={b!} />
            </div>
          </div>
          <h2>Problems</h2>
          <ProblemComparisonTable
            a={a!}
            b={b!}
            params={params}
            table={comparison.table}
            flips={comparison.flips}
            problems={comparison.problems}
          />
          <h2>Run summaries</h2>
          <SummaryComparison a={comparison.runs.a.summary} b={comparison.runs.b.summary} />
        </>
      )}
    </div>
  );
}
