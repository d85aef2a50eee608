import { INTERVAL_METHODS } from "@/lib/metrics/confidence-intervals";
import type { Interval, MetricComparison } from "@/lib/queries/compare/compare-metrics";
import { intervalText, pct, pp } from "./format";
import { DataTable } from "@/components/ui/DataTable";

function Cell({ value, rollout, problem }: { value: number | null; rollout: Interval; problem: Interval }) {
  return (
    <td className="num">
      {pct(value)}
      <span className="muted ci" data-testid="ci-rollout" title={INTERVAL_METHODS.rollout.label}>
        {" "}
        {intervalText(rollout.lower, rollout.upper)}
        <sup>R</sup>
      </span>
      <span className="muted ci" data-testid="ci-problem" title={INTERVAL_METHODS.problem.label}>
        {" "}
        {intervalText(problem.lower, problem.upper)}
        <sup>P</sup>
      </span>
    </td>
  );
}

export function MetricComparisonTable({ metrics }: { metrics: MetricComparison[] }) {
  return (
    <DataTable
      frameTestId="metric-comparison"
      head={
        <>
          <th>Metric</th>
          <th className="num">A</th>
          <th className="num">B</th>
          <th className="num">B − A (paired)</th>
          <th className="num">Problems</th>
        </>
      }
      after={
        <>
          <div className="table-foot" data-testid="metric-comparison-intervals">
            <span>
              95% intervals, 200 resamples each: <sup>R</sup> {INTERVAL_METHODS.rollout.label}, {INTERVAL_METHODS.rollout.description};{" "}
              <sup>P</sup> {INTERVAL_METHODS.problem.label}, {INTERVAL_METHODS.problem.description}. The difference is taken over the
              problems both runs scored, as pairs; * = that interval excludes 0.
            </span>
          </div>
        </>
      }
    >
      {metrics.map((m) => (
        <tr key={m.key} data-testid={`metric-${m.key}`}>
          <td title={m.description}>{m.label}</td>
          <Cell value={m.a.estimate} rollout={m.rollout.a} problem={m.a} />
          <Cell value={m.b.estimate} rollout={m.rollout.b} problem={m.b} />
          <td className={`num ${m.significant ? (m.diff.estimate! > 0 ? "delta-up" : "delta-down") : ""}`}>
            <b>{pp(m.diff.estimate)}</b>
            <span className="muted ci" data-testid="ci-rollout" title={INTERVAL_METHODS.rollout.label}>
              {" "}
              {intervalText(m.rollout.diff.lower, m.rollout.diff.upper, true)}
              <sup>R</sup>
              {m.rollout.significant ? "*" : ""}
            </span>
            <span className="muted ci" data-testid="ci-problem" title={INTERVAL_METHODS.problem.label}>
              {" "}
              {intervalText(m.diff.lower, m.diff.upper, true)}
              <sup>P</sup>
              {m.significant ? "*" : ""}
            </span>
          </td>
          <td className="num muted">{m.diff.problems}</td>
        </tr>
      ))}
    </DataTable>
  );
}
