import { failureResponse } from "@/lib/actions/action-result";
import { importProblemsFileAction } from "@/lib/actions/datasets/import-problems-file";

// POST /api/datasets/upload?dataset=&split=&format=&source=&fileName=  body: the file's bytes.
// Not a server action: those are capped at a few MB (next.config.js). The action's wrapper checks
// the session and the admin role before the body is read; the body is then streamed to disk under
// RLEF_UPLOAD_MAX_BYTES. The proxy skips this path (proxy.ts) so Next never buffers the body for it.
function fromThisSite(origin: string | null, host: string | null): boolean {
  if (origin === null) return true; // not a browser's cross-site request (curl, the CLI, tests)
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" (sandboxed frames, file://)
  }
}

export async function POST(request: Request) {
  if (!fromThisSite(request.headers.get("origin"), request.headers.get("host"))) {
    return failureResponse({ code: "FORBIDDEN", message: "uploads are accepted from this site's own pages only" });
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const result = await importProblemsFileAction({
    ...params,
    file: request.body ?? undefined,
    declaredBytes: request.headers.get("content-length") ?? undefined,
  });
  if (!result.ok) return failureResponse(result.error);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
