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
