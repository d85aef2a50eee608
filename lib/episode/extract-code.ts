export type ExtractionRule = "python_fence" | "untagged_fence" | "none";

export interface ExtractedCode {
  code: string | null;
  rule: ExtractionRule;
}

const PYTHON_TAGS = new Set(["python", "py", "python3"]);

/**
 * docs/method.md §8.1: the first fenced block tagged python (or py/python3); failing
 * that, the first untagged fenced block; failing that, no code. An unclosed
 * fence (a reply cut off by max tokens) is not a block.
 *
 * A fence is three or more backticks at the start of a line, an optional info
 * string, the body, and a closing fence of at least as many backticks. The
 * blocks are exactly those of the regular expression this replaces (kept in
 * extract-code.test.ts as the reference and compared on random replies):
 *   /^[ \t]*(`{3,})[ \t]*([^\n`]*)\n([\s\S]*?)^[ \t]*\1`*[ \t]*$/gm
 * found left to right, each search resuming after the previous block. That
 * expression retries every opening fence to the end of the reply when it has
 * no closing one: quadratic (a 96 KB reply of unclosed fences held the
 * worker's event loop for ~3 s). This scan is linear: one pass over the
 * lines, and the longest closing fence after each line decides at once
 * whether an opening fence can ever close.
 */
export function extractCode(reply: string): ExtractedCode {
  let firstUntagged: string | null = null;
  for (const block of fencedBlocks(reply)) {
    const tag = block.info.trim().split(/\s+/)[0].toLowerCase();
    const body = block.body.replace(/\n$/, "");
    if (PYTHON_TAGS.has(tag)) return { code: body, rule: "python_fence" };
    if (tag === "" && firstUntagged === null) firstUntagged = body;
  }
  if (firstUntagged !== null) return { code: firstUntagged, rule: "untagged_fence" };
  return { code: null, rule: "none" };
}

interface FencedBlock {
  info: string;
  body: string;
}

/** Where a line starts for the regex's multiline `^` and `$`: after any line terminator. */
const isLineTerminator = (c: number) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
const BACKTICK = 0x60;
const isBlank = (c: number) => c === 0x20 || c === 0x09;

/** The fenced blocks of a reply, in order, as the reference expression's matchAll yields them. */
function* fencedBlocks(text: string): Generator<FencedBlock> {
  const n = text.length;
  // Lines as `^`/`$` see them (split at every line terminator), and for
  // each line the length of its backtick run if it is a possible closing
  // fence ([ \t]* `+ [ \t]*), else 0.
  const starts: number[] = [];
  const closing: number[] = [];
  for (let start = 0; ;) {
    let end = start;
    while (end < n && !isLineTerminator(text.charCodeAt(end))) end++;
    starts.push(start);
    closing.push(closingRun(text, start, end));
    if (end >= n) break;
    start = end + 1;
  }
  // suffixMax[i]: the longest closing fence at line i or later.
  const suffixMax = new Int32Array(starts.length + 1);
  for (let i = starts.length - 1; i >= 0; i--) suffixMax[i] = Math.max(closing[i], suffixMax[i + 1]);

  // Forward-only cursors keep the scan linear: the next "\n" and the next
  // backtick at or after a position that only grows.
  let nextNewline = -1;
  let nextBacktick = -1;
  const newlineFrom = (at: number) => {
    if (nextNewline < at) nextNewline = indexOrEnd(text, "\n", at);
    return nextNewline;
  };
  const backtickFrom = (at: number) => {
    if (nextBacktick < at) nextBacktick = indexOrEnd(text, "`", at);
    return nextBacktick;
  };
  let bodyLine = 0; // cursor into `starts` for the line where a body begins

  for (let line = 0; line < starts.length; line++) {
    // An opening fence: [ \t]* `{3,} [ \t]* [^\n`]* \n  (the info may run
    // past a \r: only "\n" ends it).
    let at = starts[line];
    while (at < n && isBlank(text.charCodeAt(at))) at++;
    const runStart = at;
    while (at < n && text.charCodeAt(at) === BACKTICK) at++;
    const ticks = at - runStart;
    if (ticks < 3) continue;
    const newline = newlineFrom(at);
    if (newline >= n || backtickFrom(at) < newline) continue;
    const bodyStart = newline + 1;
    while (bodyLine < starts.length && starts[bodyLine] < bodyStart) bodyLine++;
    // No closing fence long enough anywhere after: this opening never closes.
    if (bodyLine >= starts.length || suffixMax[bodyLine] < ticks) continue;
    let close = bodyLine;
    while (closing[close] < ticks) close++;
    yield { info: text.slice(at, newline), body: text.slice(bodyStart, starts[close]) };
    // The next search resumes after the closing fence: at the next line.
    line = close;
  }
}

/** Length of the backtick run of a line that is only [ \t]* `+ [ \t]*, else 0. */
function closingRun(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  const runStart = at;
  while (at < end && text.charCodeAt(at) === BACKTICK) at++;
  const run = at - runStart;
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  return at === end ? run : 0;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const found = text.indexOf(needle, from);
  return found === -1 ? text.length : found;
}
