"use client";
import type { LabelOption } from "./types";

/** Label chips that toggle; with `showKeys` each shows its number key (1–9) for the queue. */
export function LabelToggles({
  labels,
  selected,
  onToggle,
  showKeys,
}: {
  labels: LabelOption[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  showKeys?: boolean;
}) {
  return (
    <div className="label-toggles" role="group" aria-label="failure labels">
      {labels.map((l, i) => (
        <button
          key={l.id}
          type="button"
          title={l.description ?? undefined}
          aria-pressed={selected.has(l.id)}
          className={`label-toggle ${selected.has(l.id) ? "on" : ""}`}
          style={{ "--label-color": l.color } as React.CSSProperties}
          onClick={() => onToggle(l.id)}
          data-testid="label-toggle"
          data-label={l.name}
        >
          {showKeys && i < 9 ? <kbd>{i + 1}</kbd> : null}
          {l.name}
        </button>
      ))}
    </div>
  );
}
