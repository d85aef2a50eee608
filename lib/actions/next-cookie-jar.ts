import type { CookieJar } from "./cookie-jar";

/**
 * The one place lib/ touches Next.js: the request's cookie store and the client's address (next/headers). Imported lazily so that the worker,
 * the CLI and the tests load the action wrapper without Next (they pass a CookieJar themselves).
 * Setting a cookie works in server actions and route handlers, which is where sign-in and sign-out run.
 */
export async function nextCookieJar(): Promise<CookieJar> {
  const { cookies } = await import("next/headers");
  const store = await cookies();
  return {
    get: (name) => store.get(name)?.value,
    set: (name, value, options) => void store.set(name, value, options),
    delete: (name) => void store.delete(name),
  };
}

/**
 * The client's address for this request. bin/web-server.js (how `rlef start` serves the app) sets
 * x-rlef-client-address from the socket, overwriting anything the client sent; behind a reverse
 * proxy it takes the proxy's X-Forwarded-For instead (RLEF_TRUST_PROXY=1). Under `next dev` there
 * is no such server and Next's own x-forwarded-for is the fallback.
 */
export async function nextClientAddress(): Promise<string | undefined> {
  const { headers } = await import("next/headers");
  const h = await headers();
  return h.get("x-rlef-client-address") ?? h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? undefined;
}
