import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE, unsealSession } from "./lib/auth/session-token";
import { nulByteIn } from "./lib/http/nul-byte-in";

// Pages anyone may open: signing in, and the server action it posts to (same path).
const PUBLIC_PATHS = ["/login"];

/**
 * The optimistic check (Next's proxy, formerly middleware): no valid session cookie, no page — a
 * redirect to /login for pages, 401 for API routes. It only verifies the cookie's seal; the session
 * row, the role and whether the user still exists are checked by each page and by every action's
 * wrapper. Before that: a NUL byte in the path or a query parameter is a 400 that names it
 * (Postgres refuses NUL in text, which used to surface as a 500 carrying the database's message).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nul = nulByteIn(request.nextUrl);
  if (nul) {
    const message = `${nul} contains a NUL byte (%00), which this site does not accept`;
    return pathname.startsWith("/api/")
      ? NextResponse.json({ error: { code: "INVALID_INPUT", message } }, { status: 400 })
      : new NextResponse(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  const session = await unsealSession(request.cookies.get(SESSION_COOKIE)?.value);
  if (session) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "sign in first" } }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but Next's own assets, public static files (Monaco's files, icons), and the dataset
  // upload: running the proxy makes Next copy the request body for it, which an upload of hundreds
  // of MB must not go through (the route checks the session itself, before reading the body).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|monaco/|api/datasets/upload|.*\\.(?:js|css|map|png|jpg|svg|ico|woff2?|ttf)$).*)"],
};
