export type ExtractionRule = "python_fence" | "untagged_fence" | "none";

export interface ExtractedCode {
  code: string | null;
  rule: ExtractionRule;
}

// A fence is three or more backticks at the start of a line, an optional info
// string, the body, and a closing fence of at least as many backticks.
const FENCE = /^[ \t]*(`{3,})[ \t]*([^\n`]*)\n([\s\S]*?)^[ \t]*\1`*[ \t]*$/gm;
const PYTHON_TAGS = new Set(["python", "py", "python3"]);

/**
 * docs/method.md §8.1: the first fenced block tagged python (or py/python3); failing
 * that, the first untagged fenced block; failing that, no code. An unclosed
 * fence (a reply cut off by max tokens) is not a block.
 */
export function extractCode(reply: string): ExtractedCode {
  let firstUntagged: string | null = null;
  for (const match of reply.matchAll(FENCE)) {
    const tag = match[2].trim().split(/\s+/)[0].toLowerCase();
    const body = match[3].replace(/\n$/, "");
    if (PYTHON_TAGS.has(tag)) return { code: body, rule: "python_fence" };
    if (tag === "" && firstUntagged === null) firstUntagged = body;
  }
  if (firstUntagged !== null) return { code: firstUntagged, rule: "untagged_fence" };
  return { code: null, rule: "none" };
}
