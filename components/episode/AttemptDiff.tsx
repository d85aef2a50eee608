"use client";
import dynamic from "next/dynamic";
import type { TurnDetail } from "@/lib/queries/episodes/get-episode-with-turns";
import { formatNumber } from "@/components/ui/format";
import { useDocumentTheme } from "@/components/ui/useDocumentTheme";
import { editorHeight } from "./CodeViewer";
import { FeedbackMessage } from "./FeedbackMessage";

const MonacoDiffEditor = dynamic(() => import("./MonacoDiffEditor"), {
  ssr: false,
  loading: () => (
    <div className="muted" style={{ padding: 8 }}>
      loading diff…
    </div>
  ),
});

/**
 * Two attempts side by side in Monaco's diff editor, with the feedback the
 * model saw between them next to it: what it was told, and what it changed.
 */
export function AttemptDiff({
  turns,
  from,
  to,
  onChange,
}: {
  turns: TurnDetail[];
  from: number;
  to: number;
  onChange: (pair: { from: number; to: number }) => void;
}) {
  const theme = useDocumentTheme();
  const original = turns[from]?.code ?? "";
  const modified = turns[to]?.code ?? "";
  const height = Math.max(editorHeight(original, 600), editorHeight(modified, 600));
  const between = turns.slice(from, to).map((turn, offset) => ({ position: from + offset, feedback: turn.feedback }));
  const newer = turns[to];
  const option = (i: number) => (
    <option key={i} value={i}>
      turn {i + 1}
      {turns[i].code === null ? " (no code)" : ""}
    </option>
  );
  return (
    <div data-testid="attempt-diff-section">
      <div className="diff-controls">
        <label>
          from{" "}
          <select
            data-testid="diff-from"
            value={from}
            onChange={(e) => onChange({ from: Number(e.target.value), to: Math.max(to, Number(e.target.value) + 1) })}
          >
            {turns.slice(0, -1).map((_, i) => option(i))}
          </select>
        </label>
        <label>
          to{" "}
          <select
            data-testid="diff-to"
            value={to}
            onChange={(e) => onChange({ from: Math.min(from, Number(e.target.value) - 1), to: Number(e.target.value) })}
          >
            {turns.map((_, i) => (i > 0 ? option(i) : null))}
          </select>
        </label>
        {newer && to === from + 1 ? (
          <span className="muted" style={{ fontSize: 12 }}>
            code change (1 − chrF): <b>{formatNumber(newer.codeChange, 3)}</b>
            {newer.identicalToPrevious ? (
              <span className="badge warn" style={{ marginLeft: 6 }}>
                identical resubmission
              </span>
            ) : null}
          </span>
        ) : null}
      </div>
      <div className="diff-grid">
        <div className="editor-frame" style={{ height }} data-testid="attempt-diff">
          {original === "" && modified === "" ? (
            <div className="muted" style={{ padding: 8 }}>
              Neither reply contained code.
            </div>
          ) : (
            <MonacoDiffEditor original={original} modified={modified} height={height} theme={theme} />
          )}
        </div>
        <div className="stack" data-testid="diff-feedback">
          {between.map(({ position, feedback }) => (
            <FeedbackMessage
              key={position}
              text={feedback}
              title={`Feedback after turn ${position + 1} (before turn ${position + 2})`}
              testId="diff-feedback-text"
            />
          ))}
        </div>
      </div>
    </div>
  );
}
