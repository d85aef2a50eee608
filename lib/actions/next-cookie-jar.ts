import type { CookieJar } from "./cookie-jar";

/**
 * The one place lib/ touches Next.js: the request's cookie store. Imported lazily so that the worker,
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
