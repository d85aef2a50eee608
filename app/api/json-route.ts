import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/actions/current-user";

/**
 * Wrap a read-only route handler: a request without a live session gets 401
 * (the proxy only checks the cookie's seal; this also catches deleted users),
 * `null` becomes 404, a thrown error a 500 naming the endpoint (details stay
 * in the server log). Every signed-in role may read.
 */
export async function jsonRoute<T>(what: string, load: () => Promise<T | null>): Promise<NextResponse> {
  try {
    if (!(await getCurrentUser())) {
      return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "sign in first" } }, { status: 401 });
    }
    const data = await load();
    if (data === null) return NextResponse.json({ error: `${what}: not found` }, { status: 404 });
    return NextResponse.json(data, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error(`[api] ${what} failed`, error);
    return NextResponse.json(
      { error: `${what} failed: ${error instanceof Error ? error.message.split("\n")[0] : "unknown error"}` },
      { status: 500 },
    );
  }
}

/** A positive integer query parameter, or undefined. */
export function intParam(params: URLSearchParams, key: string): number | undefined {
  const value = Number(params.get(key));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
