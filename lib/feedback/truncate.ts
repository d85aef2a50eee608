/**
 * docs/method.md §3.2: every input, expected and actual output and traceback in a
 * feedback message is cut to a set length with an explicit marker, so a huge
 * output can never blow up the model's context.
 */
export const DEFAULT_MAX_FIELD_CHARS = 2000;

export function truncationMarker(omitted: number): string {
  return `[truncated ${omitted} characters]`;
}

/**
 * Keep the beginning: "<first max chars>... [truncated N characters]".
 * `alreadyOmitted` counts what was dropped before we saw the text (a capture
 * that kept only the head of a stream).
 */
export function truncateHead(text: string, maxChars = DEFAULT_MAX_FIELD_CHARS, alreadyOmitted = 0): string {
  if (text.length <= maxChars && alreadyOmitted <= 0) return text;
  const kept = text.slice(0, maxChars);
  return `${kept}... ${truncationMarker(text.length - kept.length + Math.max(0, alreadyOmitted))}`;
}

/**
 * Keep the end, in whole lines (a traceback's last lines name the error):
 * "[truncated N characters]\n<last lines>". A single line longer than the
 * limit keeps its last max chars.
 */
export function truncateTail(text: string, maxChars = DEFAULT_MAX_FIELD_CHARS, alreadyOmitted = 0): string {
  if (text.length <= maxChars && alreadyOmitted <= 0) return text;
  let kept = text.slice(Math.max(0, text.length - maxChars));
  if (kept.length < text.length) {
    const firstBreak = kept.indexOf("\n");
    if (firstBreak >= 0 && firstBreak < kept.length - 1) kept = kept.slice(firstBreak + 1);
  }
  return `${truncationMarker(text.length - kept.length + Math.max(0, alreadyOmitted))}\n${kept}`;
}
