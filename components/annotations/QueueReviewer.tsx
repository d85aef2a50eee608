"use client";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { claimQueueItem, skipQueueItem, submitQueueItem } from "./actions";
import { FormFailure } from "@/components/ui/form/FormFailure";
import type { ActionFailure, ActionResult } from "@/lib/actions/action-result";
import type { QueueState } from "@/lib/annotations/queue-state";
import type { QueueSpec } from "@/lib/annotations/queue-spec";
import { EpisodeTurnsView } from "./EpisodeTurnsView";
import { LabelToggles } from "./LabelToggles";
import { QueueProgressCard } from "./QueueProgressCard";
import { queueCommandFor, stepTurn } from "./queue-keys";
import type { LabelOption } from "./types";

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * The keyboard-first review loop: the server claims an episode for this reviewer (no one else gets
 * it while the claim lives), the reviewer labels it and moves on with Enter, or skips with s.
 */
export function QueueReviewer({ spec, labels }: { spec: QueueSpec; labels: LabelOption[] }) {
  const [state, setState] = useState<QueueState | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [turn, setTurn] = useState<number | null>(null);
  const [note, setNote] = useState("");
  const [reviewed, setReviewed] = useState(0);
  const [help, setHelp] = useState(false);
  const [pending, startTransition] = useTransition();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const episode = state?.episode ?? null;

  const apply = useCallback(
    (call: () => Promise<ActionResult<QueueState>>, after?: () => void) => {
      setFailure(null);
      startTransition(async () => {
        const result = await call();
        if (!result.ok) {
          setFailure(result.error);
          if (result.error.code === "CONFLICT") {
            // another reviewer holds the item now: move on to a fresh one
            const fresh = await claimQueueItem({ queue: spec });
            if (fresh.ok) setState(fresh.data);
          }
          return;
        }
        setState(result.data);
        setSelected(new Set());
        setNote("");
        setTurn(null);
        after?.();
      });
    },
    [spec],
  );

  useEffect(() => {
    // claiming is a server action; `apply` only starts a transition that sets state when it answers
    // eslint-disable-next-line react-hooks/set-state-in-effect
    apply(() => claimQueueItem({ queue: spec }));
    // claim once per queue
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(spec)]);

  const submit = useCallback(() => {
    if (!episode || pending) return;
    if (selected.size === 0 && !note.trim()) {
      setFailure({ code: "INVALID_INPUT", message: "choose a label (1–9) or write a note (n), or skip (s)" });
      return;
    }
    apply(
      () =>
        submitQueueItem({ queue: spec, episodeId: episode.id, turnIndex: turn, labelIds: [...selected], note: note.trim() || undefined }),
      () => setReviewed((n) => n + 1),
    );
  }, [apply, episode, note, pending, selected, spec, turn]);

  const skip = useCallback(() => {
    if (!episode || pending) return;
    apply(() => skipQueueItem({ queue: spec, episodeId: episode.id }));
  }, [apply, episode, pending, spec]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const command = queueCommandFor(event, isTyping(event.target));
      if (!command) return;
      event.preventDefault();
      switch (command.kind) {
        case "toggleLabel": {
          const label = labels[command.index];
          if (label)
            setSelected((s) => {
              const n = new Set(s);
              if (n.has(label.id)) n.delete(label.id);
              else n.add(label.id);
              return n;
            });
          break;
        }
        case "submit":
          submit();
          break;
        case "skip":
          skip();
          break;
        case "focusNote":
          noteRef.current?.focus();
          break;
        case "leaveNote":
          noteRef.current?.blur();
          break;
        case "turn":
          setTurn((t) => stepTurn(t, command.delta, episode?.turnsUsed ?? 0));
          break;
        case "help":
          setHelp((h) => !h);
          break;
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [episode, labels, skip, submit]);

  if (!state)
    return (
      <p className="muted" data-testid="queue-loading">
        {failure ? <FormFailure failure={failure} /> : "Claiming the first item…"}
      </p>
    );

  return (
    <div className="queue-layout" data-testid="queue-reviewer" data-episode-id={episode?.id ?? ""}>
      <div>
        {episode ? (
          <>
            <h2 data-testid="queue-problem">
              {episode.problem.name} <span className="muted">· {episode.run.name}</span>
            </h2>
            <EpisodeTurnsView episode={episode} highlightTurn={turn} showStatement />
          </>
        ) : (
          <div className="card queue-done" data-testid="queue-done">
            <h2>Nothing left for you in this queue</h2>
            <p className="muted">Every episode is annotated, held by another reviewer, or skipped by you this session.</p>
          </div>
        )}
      </div>
      <aside className="queue-side">
        <QueueProgressCard progress={state.progress} reviewed={reviewed} />
        {episode ? (
          <div className="card annotation-form" data-testid="queue-form">
            <div className="form-field">
              Annotate
              <div className="turn-choice" data-testid="queue-turns">
                {[null, ...Array.from({ length: episode.turnsUsed }, (_, i) => i)].map((t) => (
                  <button
                    key={String(t)}
                    type="button"
                    className={turn === t ? "on" : ""}
                    onClick={() => setTurn(t)}
                    data-testid="queue-turn"
                  >
                    {t === null ? "episode" : `turn ${t + 1}`}
                  </button>
                ))}
              </div>
            </div>
            <LabelToggles
              labels={labels}
              selected={selected}
              onToggle={(id) =>
                setSelected((s) => {
                  const n = new Set(s);
                  if (n.has(id)) n.delete(id);
                  else n.add(id);
                  return n;
                })
              }
              showKeys
            />
            <textarea
              ref={noteRef}
              className="queue-note"
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder="Note (n to focus, Ctrl+Enter to save, Esc to leave)"
              data-testid="queue-note"
            />
            <FormFailure failure={failure} />
            <div className="form-actions">
              <button type="button" className="button primary" onClick={submit} disabled={pending} data-testid="queue-submit">
                Save &amp; next <kbd>Enter</kbd>
              </button>
              <button type="button" className="button" onClick={skip} disabled={pending} data-testid="queue-skip">
                Skip <kbd>s</kbd>
              </button>
            </div>
          </div>
        ) : null}
        <div className="keys card" data-testid="queue-keys">
          <kbd>1</kbd>–<kbd>9</kbd> toggle a label · <kbd>[</kbd> <kbd>]</kbd> episode / turn · <kbd>n</kbd> note · <kbd>Enter</kbd> save
          &amp; next · <kbd>s</kbd> skip
          {help ? (
            <> · claims expire after 10 minutes without activity, so an item you leave returns to the queue</>
          ) : (
            <>
              {" "}
              · <kbd>?</kbd> more
            </>
          )}
        </div>
      </aside>
    </div>
  );
}
