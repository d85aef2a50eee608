"use client";
import type { AnnotationView } from "./types";

export function AnnotationList({
  annotations,
  canDelete,
  onDelete,
  pending,
}: {
  annotations: AnnotationView[];
  canDelete: (a: AnnotationView) => boolean;
  onDelete: (id: string) => void;
  pending?: boolean;
}) {
  if (annotations.length === 0)
    return (
      <p className="muted small" data-testid="annotations-empty">
        No annotations yet.
      </p>
    );
  return (
    <ul className="annotation-list" data-testid="annotation-list">
      {annotations.map((a) => (
        <li key={a.id} data-testid="annotation-item">
          <span className="muted">{a.turnIndex === null ? "episode" : `turn ${a.turnIndex + 1}`}</span>{" "}
          {a.labels.map((l) => (
            <span key={l.id} className="label-chip" style={{ background: l.color }}>
              {l.name}
            </span>
          ))}
          {a.note ? <span className="annotation-note">{a.note}</span> : null}
          <span className="muted small"> — {a.author?.name || a.author?.email || "deleted user"}</span>
          {canDelete(a) ? (
            <button type="button" className="button small" disabled={pending} onClick={() => onDelete(a.id)} aria-label="delete annotation">
              ✕
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
