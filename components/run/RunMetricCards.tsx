import type { LabelledIntervalJson, RunSummary } from "@/lib/metrics/run-summary-schema";
import { MetricCard } from "@/components/ui/MetricCard";
import { formatPercent } from "@/components/ui/format";

function IntervalLine({ interval, testId }: { interval: LabelledIntervalJson; testId: string }) {
  return (
    <div data-testid={testId} data-method={interval.method}>
      95% CI {interval.lower === null ? "—" : `${formatPercent(interval.lower)}–${formatPercent(interval.upper)}`} · {interval.label} ·{" "}
      {interval.resamples} resamples
    </div>
  );
}

/** The errored episodes every metric leaves out, named beside it (issue 10.11); nothing when none. */
function Excluded({ text }: { text: string | null }) {
  return text ? (
    <div className="metric-excluded" data-testid="metric-excluded">
      {text}
    </div>
  ) : null;
}

/** Headline metrics of docs/method.md §7 from the run's stored summary. */
export function RunMetricCards({ summary }: { summary: RunSummary }) {
  const s = summary;
  const excluded = s.episodes.excludedText;
  const sampled = !s.sampling
    ? "sampling unknown"
    : s.sampling.fromModel
      ? `T ${s.sampling.temperature}, top-p ${s.sampling.topP}`
      : `demo policy, not sampled (configured T ${s.sampling.temperature})`;
  return (
    <div className="metric-grid" data-testid="metric-cards">
      <MetricCard
        label="1@3"
        testId="metric-one-at-three"
        value={formatPercent(s.oneAtThree.value)}
        detail={
          <>
            <IntervalLine interval={s.oneAtThree.intervals.rollout} testId="ci-rollout" />
            <IntervalLine interval={s.oneAtThree.intervals.problem} testId="ci-problem" />
            <div>
              {s.oneAtThree.problems} problems · {sampled}
            </div>
            <Excluded text={excluded} />
          </>
        }
        hint="Mean over problems of the fraction of rollouts whose submission passes all judged tests. Rollout bootstrap: each problem's rollouts resampled (the paper's App. B.1); problem bootstrap: problems resampled."
      />
      <MetricCard
        label="pass@1"
        value={formatPercent(s.passAt1.value)}
        detail={
          <>
            {s.passAt1.problems} problems
            <Excluded text={excluded} />
          </>
        }
      />
      {s.passAtK
        .filter((p) => p.k !== 1)
        .map((p) => (
          <MetricCard
            key={`pass${p.k}`}
            label={`pass@${p.k}`}
            value={formatPercent(p.value)}
            detail={
              <>
                {p.problems} problems{p.skippedProblems ? `, ${p.skippedProblems} skipped` : ""}
                <Excluded text={excluded} />
              </>
            }
          />
        ))}
      {s.nAtK.map((n) => (
        <MetricCard
          key={`n${n.n}k${n.k}`}
          label={`${n.n}@${n.k}`}
          testId={`metric-n-at-k-${n.n}-${n.k}`}
          value={formatPercent(n.value)}
          detail={
            <>
              <div data-testid="n-at-k-temperature">
                {n.drawn} rollouts drawn · {n.temperature === null ? "temperature unknown" : `T ${n.temperature}, top-p ${n.topP}`}
              </div>
              <div className={n.comparableWithPaper ? undefined : "metric-warning"} data-testid="n-at-k-comparability">
                {n.comparableWithPaper ? "comparable with the paper's 10@100" : n.note}
              </div>
              <Excluded text={excluded} />
            </>
          }
        />
      ))}
      <MetricCard
        label="single-turn 1@3"
        testId="metric-single-turn-one-at-three"
        value={formatPercent(s.singleTurnOneAtThree.value)}
        detail={
          <>
            <IntervalLine interval={s.singleTurnOneAtThree.intervals.rollout} testId="ci-rollout" />
            <IntervalLine interval={s.singleTurnOneAtThree.intervals.problem} testId="ci-problem" />
            <div>{s.singleTurnOneAtThree.problems} problems · first replies only</div>
            <Excluded text={excluded} />
          </>
        }
        hint="1@3 computed on the first reply of each rollout (three first replies, the same sample budget): what multi-turn feedback adds. Rollout bootstrap: each problem's first replies resampled; problem bootstrap: problems resampled."
      />
      {s.solveRateByTurn.map((t) => (
        <MetricCard
          key={`turn${t.turn}`}
          label={`solved after turn ${t.turn}`}
          value={formatPercent(t.rate)}
          detail={<Excluded text={excluded} />}
        />
      ))}
      <MetricCard
        label="episodes"
        testId="metric-episodes"
        value={s.episodes.total.toLocaleString("en-US")}
        detail={
          <>
            {s.episodes.problems} problems · {s.episodes.replies} replies ({s.episodes.invalidCodeReplies} without code)
            <div data-testid="episodes-excluded">{excluded ?? "no episode excluded"}</div>
            <div data-testid="episodes-model-failures">
              scored as failures: {s.episodes.modelFailures.contextLengthExceeded} context length exceeded ·{" "}
              {s.episodes.modelFailures.repliesCutAtMaxTokens} replies cut at max tokens
            </div>
          </>
        }
      />
    </div>
  );
}
