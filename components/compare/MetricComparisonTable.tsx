import type { MetricComparison } from "@/lib/queries/compare-metrics";
import { intervalText, pct, pp } from "./format";

export function MetricComparisonTable({ metrics }: { metrics: MetricComparison[] }) {
  return (
    <div className="table-wrap" data-testid="metric-comparison">
      <table>
        <thead>
          <tr><th>Metric</th><th className="num">A</th><th className="num">B</th><th className="num">B − A (paired)</th><th className="num">Problems</th></tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={m.key} data-testid={`metric-${m.key}`}>
              <td title={m.description}>{m.label}</td>
              <td className="num">{pct(m.a.estimate)} <span className="muted ci">{intervalText(m.a.lower, m.a.upper)}</span></td>
              <td className="num">{pct(m.b.estimate)} <span className="muted ci">{intervalText(m.b.lower, m.b.upper)}</span></td>
              <td className={`num ${m.significant ? (m.diff.estimate! > 0 ? "delta-up" : "delta-down") : ""}`}>
                <b>{pp(m.diff.estimate)}</b> <span className="muted ci">{intervalText(m.diff.lower, m.diff.upper, true)}</span>
                {m.significant ? <span title="the 95% interval excludes 0"> *</span> : null}
              </td>
              <td className="num muted">{m.diff.problems}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="table-foot"><span>95% bootstrap intervals over problems (200 resamples). The difference is bootstrapped over the problems both runs scored, as pairs; * = its interval excludes 0.</span></div>
    </div>
  );
}
