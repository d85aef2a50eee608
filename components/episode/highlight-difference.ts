import { diffChars, diffWordsWithSpace } from "diff";

export interface Segment {
  text: string;
  /** true where this side differs from the other */
  changed: boolean;
}

export interface HighlightedPair {
  expected: Segment[];
  actual: Segment[];
  /** true when the texts are equal once trailing whitespace per line is ignored (what the checker ignores) */
  sameIgnoringTrailingSpace: boolean;
}

/** Past this size a diff costs more than it helps: the texts are shown without marks. */
export const MAX_DIFF_CHARS = 20_000;

const normalise = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trimEnd();

/**
 * Mark where the program's output departs from the expected output: words for
 * ordinary output, characters for short single tokens (a wrong digit shows as
 * one digit). Each side gets its own segments so they can sit side by side.
 */
export function highlightDifference(expected: string, actual: string): HighlightedPair {
  const sameIgnoringTrailingSpace = normalise(expected) === normalise(actual);
  if (expected.length + actual.length > MAX_DIFF_CHARS) {
    return { expected: [{ text: expected, changed: false }], actual: [{ text: actual, changed: false }], sameIgnoringTrailingSpace };
  }
  const short = !/\s/.test(expected.trim()) && !/\s/.test(actual.trim()) && expected.length < 64 && actual.length < 64;
  const parts = short ? diffChars(expected, actual) : diffWordsWithSpace(expected, actual);
  const expectedSegments: Segment[] = [];
  const actualSegments: Segment[] = [];
  for (const part of parts) {
    if (!part.added) push(expectedSegments, part.value, Boolean(part.removed));
    if (!part.removed) push(actualSegments, part.value, Boolean(part.added));
  }
  return { expected: expectedSegments, actual: actualSegments, sameIgnoringTrailingSpace };
}

function push(segments: Segment[], text: string, changed: boolean) {
  const last = segments[segments.length - 1];
  if (last && last.changed === changed) last.text += text;
  else segments.push({ text, changed });
}
