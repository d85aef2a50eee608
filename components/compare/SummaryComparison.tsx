import type { RunSummary } from "@/lib/metrics/run-summary-schema";
import { intervalText, pct, pp } from "./format";
import { DataTable } from "@/components/ui/DataTable";

type Row = { label: string; a: number | null; b: number | null; detailA?: string; detailB?: string };

/** The stored run summaries side by side (metrics that need the episodes, computed when each run finished). */
export function SummaryComparison({ a, b }: { a: RunSummary | null; b: RunSummary | null }) {
  if (!a || !b)
    return (
      <p className="muted">The full summaries (pass@k, n@k, single-turn 1@3, solve rate per turn) appear when both runs have finished.</p>
    );
  type Intervals = RunSummary["oneAtThree"]["intervals"];
  const ci = ({ rollout, problem }: Intervals) =>
    `${intervalText(rollout.lower, rollout.upper)} R · ${intervalText(problem.lower, problem.upper)} P`;
  const nAtK = [...new Set([...a.nAtK, ...b.nAtK].map((n) => `${n.n}@${n.k}`))];
  const rows: Row[] = [
    {
      label: "1@3 (stored summary)",
      a: a.oneAtThree.value,
      b: b.oneAtThree.value,
      detailA: ci(a.oneAtThree.intervals),
      detailB: ci(b.oneAtThree.intervals),
    },
    { label: "pass@1", a: a.passAt1.value, b: b.passAt1.value },
    ...nAtK.map((key) => {
      const na = a.nAtK.find((n) => `${n.n}@${n.k}` === key);
      const nb = b.nAtK.find((n) => `${n.n}@${n.k}` === key);
      // n@k is only comparable at the same sampling; each side says what it was sampled at
      const at = (n: typeof na) => (n ? `T ${n.temperature ?? "?"}${n.comparableWithPaper ? "" : " · not the paper's sampling"}` : "");
      return { label: key, a: na?.value ?? null, b: nb?.value ?? null, detailA: at(na), detailB: at(nb) };
    }),
    {
      label: "single-turn 1@3",
      a: a.singleTurnOneAtThree.value,
      b: b.singleTurnOneAtThree.value,
      detailA: ci(a.singleTurnOneAtThree.intervals),
      detailB: ci(b.singleTurnOneAtThree.intervals),
    },
    ...Array.from({ length: Math.max(a.solveRateByTurn.length, b.solveRateByTurn.length) }, (_, t) => ({
      label: `solved by turn ${t + 1}`,
      a: a.solveRateByTurn[t]?.rate ?? null,
      b: b.solveRateByTurn[t]?.rate ?? null,
    })),
  ];
  return (
    <DataTable
      frameTestId="summary-comparison"
      head={
        <>
          <th>From the run summaries</th>
          <th className="num">A</th>
          <th className="num">B</th>
          <th className="num">B − A</th>
        </>
      }
      after={
        <>
          <div className="table-foot">
            <span>R = rollout bootstrap (paper, App. B.1), P = problem bootstrap; 95%, 200 resamples each.</span>
          </div>
        </>
      }
    >
      {rows.map((r) => (
        <tr key={r.label}>
          <td>{r.label}</td>
          <td className="num">
            {pct(r.a)} {r.detailA ? <span className="muted ci">{r.detailA}</span> : null}
          </td>
          <td className="num">
            {pct(r.b)} {r.detailB ? <span className="muted ci">{r.detailB}</span> : null}
          </td>
          <td className="num">{r.a !== null && r.b !== null ? pp(r.b - r.a) : "–"}</td>
        </tr>
      ))}
      <tr data-testid="summary-excluded">
        <td>excluded episodes</td>
        <td className="num">{a.episodes.excludedText ?? "none"}</td>
        <td className="num">{b.episodes.excludedText ?? "none"}</td>
        <td />
      </tr>
    </DataTable>
  );
}
