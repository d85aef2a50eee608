import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE, unsealSession } from "./lib/auth/session-token";

// Pages anyone may open: signing in, and the server action it posts to (same path).
const PUBLIC_PATHS = ["/login"];

/**
 * The optimistic check (Next's proxy, formerly middleware): no valid session cookie, no page — a
 * redirect to /login for pages, 401 for API routes. It only verifies the cookie's seal; the role
 * and whether the user still exists are checked by each page and by every action's wrapper.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
  // Everything but Next's own assets and public static files (Monaco's files, icons).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|monaco/|.*\\.(?:js|css|map|png|jpg|svg|ico|woff2?|ttf)$).*)"],
};
