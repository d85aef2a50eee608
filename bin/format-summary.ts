import type { RunSummary } from "../lib/metrics/run-summary-schema";

const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${(100 * v).toFixed(1)}%`);

/** The run summary as a plain-text table for the terminal. */
export function formatSummary(s: RunSummary): string {
  const rows: [string, string][] = [
    ["1@3", `${pct(s.oneAtThree.value)}  (95% CI ${pct(s.oneAtThree.ci.lower)}–${pct(s.oneAtThree.ci.upper)}, ${s.oneAtThree.problems} problems)`],
    ["pass@1", pct(s.passAt1.value)],
    ...s.passAtK.filter((p) => p.k > 1).map((p): [string, string] => [`pass@${p.k}`, pct(p.value)]),
    ...s.nAtK.map((n): [string, string] => [`${n.n}@${n.k}`, `${pct(n.value)} (${n.drawn} rollouts drawn)`]),
    ["single-turn 1@3", pct(s.singleTurnOneAtThree.value)],
    ...s.solveRateByTurn.map((t): [string, string] => [`solved after turn ${t.turn}`, pct(t.rate)]),
    ...s.errorKinds.map((e): [string, string] => [
      `turn ${e.turn} failures`,
      Object.entries(e.failed).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n} (fixed next ${e.fixedNextTurn[k] ?? 0})`).join(", ") || "none",
    ]),
    ["code change (1 − chrF)", `mean ${s.codeChange.overall.meanChange?.toFixed(3) ?? "—"}, identical resubmissions ${pct(s.codeChange.overall.identicalRate)}`],
    ["episodes", `${s.episodes.total} (${s.episodes.errored} errored), ${s.episodes.replies} replies, ${s.episodes.invalidCodeReplies} without code`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n");
}
