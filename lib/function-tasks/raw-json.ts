/**
 * Just enough of a JSON scanner to keep EvalPlus inputs exact. JSON.parse would round integers past
 * 2^53 and rejects the bare `Infinity`/`-Infinity`/`NaN` tokens of MbppPlus row Mbpp/404 (Python's json
 * writes and accepts them); so the importer takes the raw text of each input and lets Python's json read
 * it inside the sandbox. Strings are JSON.parse'd as usual.
 */

export class RawJsonError extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
    this.name = "RawJsonError";
  }
}

interface Span {
  start: number;
  end: number;
}

const WS = new Set([" ", "\t", "\n", "\r"]);

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.has(text[i])) i++;
  return i;
}

function skipString(text: string, i: number): number {
  // text[i] === '"'
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === "\\") j++;
    else if (c === '"') return j + 1;
  }
  throw new RawJsonError(null, "unterminated string");
}

/** End (exclusive) of the JSON value starting at i. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === "[" || c === "{") {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = skipString(text, j) - 1;
      else if (d === "[" || d === "{") depth++;
      else if (d === "]" || d === "}") {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    throw new RawJsonError(null, "unterminated array or object");
  }
  let j = i;
  while (j < text.length && !WS.has(text[j]) && text[j] !== "," && text[j] !== "]" && text[j] !== "}") j++;
  if (j === i) throw new RawJsonError(null, `unexpected character ${JSON.stringify(c ?? "end of line")} at ${i}`);
  return j;
}

/** The raw text of each top-level field of a JSON object line, by key. */
export function topLevelFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let i = skipWs(text, 0);
  if (text[i] !== "{") throw new RawJsonError(null, "expected a JSON object");
  i = skipWs(text, i + 1);
  if (text[i] === "}") return fields;
  while (i < text.length) {
    if (text[i] !== '"') throw new RawJsonError(null, `expected a key at ${i}`);
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipWs(text, keyEnd);
    if (text[i] !== ":") throw new RawJsonError(key, `expected ":" after key`);
    i = skipWs(text, i + 1);
    const span: Span = { start: i, end: skipValue(text, i) };
    fields.set(key, text.slice(span.start, span.end));
    i = skipWs(text, span.end);
    if (text[i] === ",") {
      i = skipWs(text, i + 1);
      continue;
    }
    if (text[i] === "}") {
      if (skipWs(text, i + 1) !== text.length) throw new RawJsonError(null, "text after the object");
      return fields;
    }
    throw new RawJsonError(key, `expected "," or "}" after the value`);
  }
  throw new RawJsonError(null, "unterminated object");
}

/** The raw text of each element of a JSON array (the array's own text as given). */
export function rawArrayElements(text: string, field: string): string[] {
  let i = skipWs(text, 0);
  if (text[i] !== "[") throw new RawJsonError(field, `expected an array, got ${text.slice(0, 20)}`);
  const items: string[] = [];
  i = skipWs(text, i + 1);
  if (text[i] === "]") return items;
  while (i < text.length) {
    const end = skipValue(text, i);
    items.push(text.slice(i, end));
    i = skipWs(text, end);
    if (text[i] === ",") {
      i = skipWs(text, i + 1);
      continue;
    }
    if (text[i] === "]") return items;
    throw new RawJsonError(field, `expected "," or "]" in the array`);
  }
  throw new RawJsonError(field, "unterminated array");
}

/** JSON.parse for a field, bare Infinity/NaN refused with the field's name. */
export function parseField(raw: string | undefined, field: string): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new RawJsonError(field, `invalid JSON (${(error as Error).message})`);
  }
}
