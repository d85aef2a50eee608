import { NextResponse } from "next/server";

/**
 * Wrap a route handler body: `null` becomes 404, a thrown error a 500 with a
 * message saying which endpoint failed (details stay in the server log).
 */
export async function jsonRoute<T>(what: string, load: () => Promise<T | null>): Promise<NextResponse> {
  try {
    const data = await load();
    if (data === null) return NextResponse.json({ error: `${what}: not found` }, { status: 404 });
    return NextResponse.json(data, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error(`[api] ${what} failed`, error);
    return NextResponse.json({ error: `${what} failed: ${error instanceof Error ? error.message.split("\n")[0] : "unknown error"}` }, { status: 500 });
  }
}

/** A positive integer query parameter, or undefined. */
export function intParam(params: URLSearchParams, key: string): number | undefined {
  const value = Number(params.get(key));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
