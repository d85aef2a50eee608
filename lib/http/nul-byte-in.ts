/**
 * Where a URL carries a NUL byte — `query parameter "q"`, `the path` — or null. Postgres text cannot
 * hold U+0000, so any such value would fail deep in a query; this lets the request be refused first.
 */
export function nulByteIn(url: URL): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  if (path.includes("\u0000")) return "the path";
  for (const [name, value] of url.searchParams) {
    if (name.includes("\u0000")) return `a query parameter name (${JSON.stringify(name.replaceAll("\u0000", "\\0"))})`;
    if (value.includes("\u0000")) return `query parameter "${name}"`;
  }
  return null;
}
