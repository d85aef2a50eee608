/** What a key press means in the annotation queue; null when the key is not ours (or the user is typing). */
export type QueueCommand =
  | { kind: "toggleLabel"; index: number }
  | { kind: "submit" }
  | { kind: "skip" }
  | { kind: "focusNote" }
  | { kind: "leaveNote" }
  | { kind: "turn"; delta: -1 | 1 }
  | { kind: "help" };

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export function queueCommandFor(event: KeyLike, typing: boolean): QueueCommand | null {
  if (typing) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) return { kind: "submit" };
    if (event.key === "Escape") return { kind: "leaveNote" };
    return null;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (/^[1-9]$/.test(event.key)) return { kind: "toggleLabel", index: Number(event.key) - 1 };
  switch (event.key) {
    case "Enter":
      return { kind: "submit" };
    case "s":
      return { kind: "skip" };
    case "n":
      return { kind: "focusNote" };
    case "[":
      return { kind: "turn", delta: -1 };
    case "]":
      return { kind: "turn", delta: 1 };
    case "?":
      return { kind: "help" };
    default:
      return null;
  }
}

/** The annotated turn cycles: whole episode (null) → turn 1 → … → turn n → whole episode. */
export function stepTurn(current: number | null, delta: -1 | 1, turns: number): number | null {
  const positions = [null, ...Array.from({ length: turns }, (_, i) => i)];
  const index = positions.indexOf(current);
  return positions[(index + delta + positions.length) % positions.length];
}
