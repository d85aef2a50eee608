// Any origin works as the base: only whether the result stays on it matters.
const BASE = "http://rlef.invalid";

/**
 * Where to go after signing in: a path on this site, or "/". The check runs on what the URL parser
 * makes of the value, because that is what the browser will do with it: `/\t/evil.example` passes a
 * string test (starts with one slash) but the parser drops the tab and lands on //evil.example. So
 * parse it against a fixed origin, accept it only if the origin is unchanged, and return the parsed
 * path (normalised), never the raw string. The login page itself is refused (a redirect loop).
 */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || !next.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // a path that still starts with two slashes (or a backslash the browser treats as one) is protocol-relative
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return "/";
  return path;
}
