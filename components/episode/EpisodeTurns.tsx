"use client";
import { useEffect, useState } from "react";
import type { TurnDetail } from "@/lib/queries/episodes/get-episode-with-turns";
import { formatDuration, formatSigned } from "@/components/ui/format";
import { VerdictBadge } from "@/components/ui/VerdictBadge";
import { AttemptDiff } from "./AttemptDiff";
import { CodeViewer } from "./CodeViewer";
import { FeedbackMessage } from "./FeedbackMessage";
import { ReplyOnDemand } from "./ReplyOnDemand";
import { TestResultsTable } from "./TestResultsTable";
import { isTypingTarget } from "./is-typing-target";

/** Where the random-feedback ablation's message came from (App. C.2). */
function describeFeedbackSource(source: unknown): string {
  const s = source as { kind?: string; problem?: string | null; solution?: number; tries?: number };
  if (s.kind === "donor")
    return `incorrect solution #${(s.solution ?? 0) + 1} of ${s.problem} on its public tests (donor ${s.tries} tried)`;
  return `raise NotImplementedError() on ${s.problem ?? "this problem"}'s public tests (no donor failed in ${s.tries ?? 0} tries)`;
}

/** The pair the diff shows by default for a selected turn: the attempt before it and it (or 1 → 2 on turn 1). */
export function defaultDiffPair(selected: number, turnCount: number): { from: number; to: number } {
  if (turnCount < 2) return { from: 0, to: 0 };
  const to = Math.max(1, selected);
  return { from: to - 1, to };
}

/**
 * Turn-by-turn view: tabs per attempt; first the diff from the previous
 * attempt with the feedback that caused it (the point of the page), then the
 * selected attempt's code, tests, the feedback it got and its full reply on
 * demand. `[` and `]` move between turns; the turn is kept in the URL.
 */
export function EpisodeTurns({ episodeId, turns, initialTurn }: { episodeId: string; turns: TurnDetail[]; initialTurn: number }) {
  const [selected, setSelected] = useState(Math.min(Math.max(0, initialTurn), Math.max(0, turns.length - 1)));
  const [customPair, setCustomPair] = useState<{ forTurn: number; from: number; to: number } | null>(null);
  const pair = customPair && customPair.forTurn === selected ? customPair : defaultDiffPair(selected, turns.length);

  const select = (position: number) => {
    const next = Math.min(Math.max(0, position), turns.length - 1);
    setSelected(next);
    const url = new URL(window.location.href);
    url.searchParams.set("turn", String(next + 1));
    window.history.replaceState(window.history.state, "", url);
  };

  // Monaco is large: start loading it as soon as the page is interactive, not when the editors mount.
  useEffect(() => {
    void import("./monaco-loader").then(({ startMonaco }) => startMonaco());
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target)) return;
      if (event.key === "[") select(selected - 1);
      else if (event.key === "]") select(selected + 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  if (turns.length === 0) return <div className="muted">This episode has no recorded turns.</div>;
  const turn = turns[selected];
  return (
    <div className="stack" data-testid="episode-turns">
      <div className="turn-tabs" role="tablist" aria-label="turns">
        {turns.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            className="turn-tab"
            aria-selected={i === selected}
            data-testid={`turn-tab-${i + 1}`}
            onClick={() => select(i)}
          >
            Turn {i + 1} <VerdictBadge verdict={t.publicVerdict} />
            <span className="muted" style={{ fontSize: 12 }}>
              {t.publicTotal ? `${t.publicPassed}/${t.publicTotal}` : ""}
            </span>
          </button>
        ))}
        <span className="kbd-hint" style={{ marginLeft: "auto" }}>
          <kbd>[</kbd> <kbd>]</kbd> turns
        </span>
      </div>

      <div className="meta-row" data-testid="turn-meta">
        <span>
          reward <b>{formatSigned(turn.rewardParts.total)}</b> (terminal {formatSigned(turn.rewardParts.terminal)}, invalid code{" "}
          {formatSigned(turn.rewardParts.invalidCode)}, KL {formatSigned(turn.rewardParts.kl, 4)})
        </span>
        <span>
          extraction <b>{turn.extractionRule}</b>
        </span>
        {turn.promptTokens !== null ? (
          <span>
            tokens <b>{turn.promptTokens}</b> prompt / <b>{turn.completionTokens ?? "?"}</b> reply
          </span>
        ) : null}
        {turn.latencyMs !== null ? (
          <span>
            latency <b>{formatDuration(turn.latencyMs)}</b>
          </span>
        ) : null}
        {turn.policyVersion !== null ? (
          <span>
            policy v<b>{turn.policyVersion}</b>
          </span>
        ) : null}
        {turn.finishReason === "length" ? (
          <span className="metric-warning" data-testid="turn-cut-at-max-tokens">
            reply cut at max tokens (scored as the model's)
          </span>
        ) : null}
        {turn.feedbackSource ? (
          <span data-testid="turn-feedback-source">random feedback: {describeFeedbackSource(turn.feedbackSource)}</span>
        ) : null}
      </div>

      {turns.length > 1 ? (
        <div className="panel">
          <h3>
            Diff: turn {pair.from + 1} → turn {pair.to + 1}
          </h3>
          <AttemptDiff turns={turns} from={pair.from} to={pair.to} onChange={(p) => setCustomPair({ forTurn: selected, ...p })} />
        </div>
      ) : null}

      <div className="turn-grid">
        <div className="panel">
          <h3>Code, turn {selected + 1}</h3>
          <CodeViewer code={turn.code} />
          <div style={{ marginTop: 8 }}>
            <ReplyOnDemand episodeId={episodeId} turnIndex={turn.index} />
          </div>
        </div>
        <div className="panel stack">
          <div>
            <h3>In-loop tests</h3>
            <TestResultsTable key={turn.id} results={turn.testResults} label="in-loop tests" />
          </div>
          <FeedbackMessage text={turn.feedback} title={`Feedback sent after turn ${selected + 1}`} testId="turn-feedback-text" />
        </div>
      </div>
    </div>
  );
}
