"use client";
import type { TurnDetail } from "@/lib/queries/episodes/get-episode-with-turns";
import { VerdictBadge } from "@/components/ui/VerdictBadge";
import { TestResultsTable } from "./TestResultsTable";

const SHOWN_PASSES = 10;

/** An episode that ended outside the loop's rules (lib/episode/types.ts EpisodeEndReason). */
function endedByText(endedBy: string | undefined, reason: string): string {
  if (endedBy === "context_length_exceeded")
    return `The endpoint refused the next turn as longer than the model's context: a failed rollout (the model's failure). ${reason}`;
  if (endedBy === "sandbox_error") return `The sandbox could not judge this attempt; training keeps it as a failed attempt. ${reason}`;
  return reason;
}

/**
 * The submission's judgement on the hidden tests. The judge stops at the first
 * failure, so the failing test (with its input and expected output) is the
 * last row; passed tests before it are listed compactly.
 */
export function FinalJudgement({
  final,
  counts,
}: {
  final: NonNullable<TurnDetail["final"]>;
  counts: { publicTestCount: number; privateTestCount: number; generatedTestCount: number };
}) {
  const failing = final.results.filter((r) => r.verdict !== "OK");
  // hundreds of passed hidden tests say nothing; keep a few and every failure
  const shown =
    final.results.length > SHOWN_PASSES * 3
      ? [...final.results.slice(0, SHOWN_PASSES).filter((r) => r.verdict === "OK"), ...failing]
      : final.results;
  const describe = (r: (typeof final.results)[number]) =>
    r.test
      ? `${r.test.list} #${r.test.index + 1}`
      : r.index < counts.publicTestCount
        ? `public #${r.index + 1}`
        : r.index < counts.publicTestCount + counts.privateTestCount
          ? `private #${r.index - counts.publicTestCount + 1}`
          : `generated #${r.index - counts.publicTestCount - counts.privateTestCount + 1}`;
  return (
    <div className="panel" data-testid="final-judgement">
      <h3>
        Final judgement <VerdictBadge verdict={final.verdict} />{" "}
        <span className="muted" style={{ fontWeight: 400 }}>
          {final.passed} / {final.total} judged tests passed{final.results.length < final.total ? ` · stopped at the first failure` : ""}
        </span>
      </h3>
      {final.reason !== undefined ? (
        <div className="metric-warning" data-testid="final-ended-by">
          {endedByText(final.endedBy, final.reason)}
        </div>
      ) : null}
      {final.solved ? (
        <div className="muted">
          Every judged test passed (public {counts.publicTestCount}, private {counts.privateTestCount}
          {counts.generatedTestCount ? `, generated ${counts.generatedTestCount}` : ""}).
        </div>
      ) : failing.length === 0 ? (
        <div className="muted">
          {final.results.length === 0 ? "The submission had no code, so no test ran." : "No failing test was recorded."}
        </div>
      ) : null}
      {shown.length ? (
        <TestResultsTable
          results={shown}
          label={
            shown.length < final.results.length ? `first ${SHOWN_PASSES} passes and every failure of the judged tests` : "judged tests"
          }
          describe={describe}
        />
      ) : null}
    </div>
  );
}
