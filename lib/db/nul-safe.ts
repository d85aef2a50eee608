// Postgres text and jsonb cannot hold U+0000, but model replies and program
// output can. We store it as U+2400 (the visible "␀" symbol) and map it back
// when a conversation is rebuilt from storage, so resumed turns see exactly
// the text the model produced.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const NUL = /\u0000/g;
const SYMBOL = /\u2400/g;

function deepMap<T>(value: T, map: (s: string) => string): T {
  if (typeof value === "string") return map(value) as T;
  if (Array.isArray(value)) return value.map((v) => deepMap(v, map)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, map)])) as T;
  }
  return value;
}

export function escapeNul<T>(value: T): T {
  return deepMap(value, (s) => (s.includes("\u0000") ? s.replace(NUL, "\u2400") : s));
}

export function unescapeNul<T>(value: T): T {
  return deepMap(value, (s) => (s.includes("\u2400") ? s.replace(SYMBOL, "\u0000") : s));
}
