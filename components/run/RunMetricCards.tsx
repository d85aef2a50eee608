import type { RunSummary } from "@/lib/metrics/run-summary-schema";
import { MetricCard } from "@/components/ui/MetricCard";
import { formatInterval, formatPercent } from "@/components/ui/format";

/** Headline metrics of RLEF.md §5 from the run's stored summary. */
export function RunMetricCards({ summary }: { summary: RunSummary }) {
  const s = summary;
  const ci = s.oneAtThree.ci;
  return (
    <div className="metric-grid" data-testid="metric-cards">
      <MetricCard
        label="1@3"
        testId="metric-one-at-three"
        value={formatPercent(s.oneAtThree.value)}
        detail={ci.lower !== null ? `95% CI ${formatInterval(null, ci.lower, ci.upper).replace("—", "").trim()} · ${ci.resamplesUsed} resamples` : `${s.oneAtThree.problems} problems`}
        hint="Mean over problems of the fraction of rollouts whose submission passes all judged tests; bootstrap over problems."
      />
      <MetricCard label="pass@1" value={formatPercent(s.passAt1.value)} detail={`${s.passAt1.problems} problems`} />
      {s.passAtK.filter((p) => p.k !== 1).map((p) => (
        <MetricCard key={`pass${p.k}`} label={`pass@${p.k}`} value={formatPercent(p.value)} detail={`${p.problems} problems${p.skippedProblems ? `, ${p.skippedProblems} skipped` : ""}`} />
      ))}
      {s.nAtK.map((n) => (
        <MetricCard key={`n${n.n}k${n.k}`} label={`${n.n}@${n.k}`} value={formatPercent(n.value)} detail={`${n.drawn} rollouts drawn`} />
      ))}
      <MetricCard label="single-turn 1@3" value={formatPercent(s.singleTurnOneAtThree.value)} detail="first replies only" hint="1@3 computed on the first reply of each rollout: what multi-turn feedback adds." />
      {s.solveRateByTurn.map((t) => (
        <MetricCard key={`turn${t.turn}`} label={`solved after turn ${t.turn}`} value={formatPercent(t.rate)} />
      ))}
      <MetricCard
        label="episodes"
        value={s.episodes.total.toLocaleString("en-US")}
        detail={`${s.episodes.problems} problems · ${s.episodes.errored} errored · ${s.episodes.replies} replies (${s.episodes.invalidCodeReplies} without code)`}
      />
    </div>
  );
}
