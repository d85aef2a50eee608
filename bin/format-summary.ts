import type { LabelledIntervalJson, RunSummary } from "../lib/metrics/run-summary-schema";

const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${(100 * v).toFixed(1)}%`);
const ci = (i: LabelledIntervalJson) => `${pct(i.lower)}–${pct(i.upper)} ${i.label}, ${i.resamples} resamples`;

/** The run summary as a plain-text table for the terminal. */
export function formatSummary(s: RunSummary): string {
  const excluded = s.episodes.excludedText;
  // every metric leaves the excluded episodes out: say so beside each one, never silently
  const beside = (text: string) => (excluded ? `${text}  [${excluded}]` : text);
  const rows: [string, string][] = [
    ["1@3", beside(`${pct(s.oneAtThree.value)}  (${s.oneAtThree.problems} problems)`)],
    ["  95% CI", ci(s.oneAtThree.intervals.rollout)],
    ["  95% CI", ci(s.oneAtThree.intervals.problem)],
    ["pass@1", beside(pct(s.passAt1.value))],
    ...s.passAtK.filter((p) => p.k > 1).map((p): [string, string] => [`pass@${p.k}`, beside(pct(p.value))]),
    ...s.nAtK.map((n): [string, string] => [`${n.n}@${n.k}`, beside(`${pct(n.value)} (${n.drawn} rollouts drawn; ${n.note})`)]),
    ["single-turn 1@3", beside(`${pct(s.singleTurnOneAtThree.value)}  (${s.singleTurnOneAtThree.problems} problems)`)],
    ["  95% CI", ci(s.singleTurnOneAtThree.intervals.rollout)],
    ["  95% CI", ci(s.singleTurnOneAtThree.intervals.problem)],
    ...s.solveRateByTurn.map((t): [string, string] => [`solved after turn ${t.turn}`, beside(pct(t.rate))]),
    ...s.errorKinds.map((e): [string, string] => [
      `turn ${e.turn} failures`,
      Object.entries(e.failed)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n} (fixed next ${e.fixedNextTurn[k] ?? 0})`)
        .join(", ") || "none",
    ]),
    [
      "code change (1 − chrF)",
      `mean ${s.codeChange.overall.meanChange?.toFixed(3) ?? "—"}, identical resubmissions ${pct(s.codeChange.overall.identicalRate)}`,
    ],
    [
      "episodes",
      `${s.episodes.total} (${s.episodes.errored} excluded), ${s.episodes.replies} replies, ${s.episodes.invalidCodeReplies} without code`,
    ],
    ["excluded", excluded ?? "none"],
    [
      "model failures (scored)",
      `${s.episodes.modelFailures.contextLengthExceeded} context length exceeded, ${s.episodes.modelFailures.repliesCutAtMaxTokens} replies cut at max tokens`,
    ],
    [
      "sampling",
      s.sampling
        ? `T ${s.sampling.temperature}, top-p ${s.sampling.topP}${s.sampling.fromModel ? "" : " (configured; the demo policy samples nothing)"}`
        : "unknown",
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n");
}
