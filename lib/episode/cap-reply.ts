/**
 * The longest reply an episode keeps, in UTF-16 code units (JS string length).
 * An honest reply is bounded by max_tokens (8,192 tokens are ~30 KB of code);
 * an endpoint that ignores it, or a degenerate model, can send megabytes,
 * which would then be stored in the turn's row, resent in every later turn's
 * `messages` and rendered on the episode page.
 */
export const REPLY_CAP_CHARS = 128 * 1024;

/** The marker that ends a cut reply: visible on the episode page and to the model in later turns. */
export function cutMarker(total: number, kept: number): string {
  return `\n\n[RLEF Studio: reply cut at ${kept} of ${total} characters; the rest was not kept]`;
}

/**
 * The reply as the episode keeps it: unchanged up to REPLY_CAP_CHARS, else
 * its first REPLY_CAP_CHARS characters (never half a surrogate pair) and the
 * cut marker. Applied where a reply enters the episode, so that extraction,
 * the stored turn, the conversation sent next and a resumed episode all see
 * the same text.
 */
export function capReply(reply: string, cap: number = REPLY_CAP_CHARS): string {
  if (reply.length <= cap) return reply;
  let kept = cap;
  const last = reply.charCodeAt(kept - 1);
  if (last >= 0xd800 && last <= 0xdbff) kept--; // a high surrogate whose pair would be cut off
  return reply.slice(0, kept) + cutMarker(reply.length, kept);
}
