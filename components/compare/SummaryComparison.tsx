import type { RunSummary } from "@/lib/metrics/run-summary-schema";
import { pct, pp } from "./format";

/** The stored run summaries side by side (metrics that need the episodes, computed when each run finished). */
export function SummaryComparison({ a, b }: { a: RunSummary | null; b: RunSummary | null }) {
  if (!a || !b) return <p className="muted">The full summaries (pass@k, single-turn 1@3, solve rate per turn) appear when both runs have finished.</p>;
  const rows: { label: string; a: number | null; b: number | null }[] = [
    { label: "1@3 (stored summary)", a: a.oneAtThree.value, b: b.oneAtThree.value },
    { label: "pass@1", a: a.passAt1.value, b: b.passAt1.value },
    { label: "single-turn 1@3", a: a.singleTurnOneAtThree.value, b: b.singleTurnOneAtThree.value },
    ...Array.from({ length: Math.max(a.solveRateByTurn.length, b.solveRateByTurn.length) }, (_, t) => ({
      label: `solved by turn ${t + 1}`, a: a.solveRateByTurn[t]?.rate ?? null, b: b.solveRateByTurn[t]?.rate ?? null,
    })),
  ];
  return (
    <div className="table-wrap" data-testid="summary-comparison">
      <table>
        <thead><tr><th>From the run summaries</th><th className="num">A</th><th className="num">B</th><th className="num">B − A</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}><td>{r.label}</td><td className="num">{pct(r.a)}</td><td className="num">{pct(r.b)}</td>
              <td className="num">{r.a !== null && r.b !== null ? pp(r.b - r.a) : "–"}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
