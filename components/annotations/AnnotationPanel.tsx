"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createAnnotation, deleteAnnotation } from "./actions";
import { FieldError } from "@/components/ui/form/FieldError";
import { FormFailure } from "@/components/ui/form/FormFailure";
import { useActionCall } from "@/components/ui/form/useActionCall";
import { AnnotationList } from "./AnnotationList";
import { LabelToggles } from "./LabelToggles";
import type { AnnotationView, LabelOption } from "./types";
import "@/components/ui/dashboard.css";
import "./annotations.css";

export interface AnnotationPanelProps {
  episodeId: string;
  turnsUsed: number;
  labels: LabelOption[];
  annotations: AnnotationView[];
  /** null: read-only (a viewer) */
  user: { id: string; isAdmin: boolean } | null;
  /** pre-selected turn (0-based), e.g. the turn the page is showing */
  initialTurn?: number | null;
}

/** Annotations of one episode, and (for annotators) a form to add one on the episode or on one turn. */
export function AnnotationPanel({ episodeId, turnsUsed, labels, annotations, user, initialTurn = null }: AnnotationPanelProps) {
  const router = useRouter();
  const create = useActionCall(createAnnotation);
  const remove = useActionCall(deleteAnnotation);
  const [turn, setTurn] = useState<number | null>(initialTurn);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState("");
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  function save() {
    create.run({ episodeId, turnIndex: turn, labelIds: [...selected], note: note.trim() || undefined }, () => {
      setSelected(new Set());
      setNote("");
      router.refresh();
    });
  }

  return (
    <section className="annotation-panel card" data-testid="annotation-panel">
      <h3>Annotations</h3>
      <AnnotationList
        annotations={annotations}
        pending={remove.pending}
        canDelete={(a) => Boolean(user && (user.isAdmin || a.authorId === user.id))}
        onDelete={(id) => remove.run({ id }, () => router.refresh())}
      />
      <FormFailure failure={remove.failure} />
      {user ? (
        <div className="annotation-form" data-testid="annotation-form">
          <label className="form-field">
            On
            <select
              value={turn === null ? "" : String(turn)}
              onChange={(e) => setTurn(e.target.value === "" ? null : Number(e.target.value))}
              data-testid="annotation-turn"
            >
              <option value="">the whole episode</option>
              {Array.from({ length: turnsUsed }, (_, i) => (
                <option key={i} value={i}>
                  turn {i + 1}
                </option>
              ))}
            </select>
            <FieldError field="turnIndex" message={create.fieldError("turnIndex")} />
          </label>
          <LabelToggles labels={labels} selected={selected} onToggle={toggle} />
          <FieldError field="labelIds" message={create.fieldError("labelIds")} />
          <textarea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="Note (optional): what went wrong, in a sentence"
            rows={2}
            data-testid="annotation-note"
          />
          <FormFailure failure={create.failure?.fieldErrors ? null : create.failure} />
          <button type="button" className="button primary" disabled={create.pending} onClick={save} data-testid="annotation-save">
            Save annotation
          </button>
        </div>
      ) : (
        <p className="muted small">Annotating needs the annotator role.</p>
      )}
    </section>
  );
}
