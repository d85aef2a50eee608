/** GET a route handler's JSON; a non-2xx answer becomes an Error with the server's message. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { error?: string | { message?: string } };
      const error = typeof body.error === "string" ? body.error : body.error?.message;
      if (error) message = error;
    } catch {
      // not JSON: keep the status line
    }
    throw new Error(`${url}: ${message}`);
  }
  return (await response.json()) as T;
}
