import { failureResponse } from "@/lib/actions/action-result";
import { exportAnnotationsAction } from "@/lib/actions/annotations/export-annotations";

// GET /api/annotations/export?format=jsonl|csv[&run=<runId>][&label=<name>] — streamed, any size.
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const result = await exportAnnotationsAction(params);
  if (!result.ok) return failureResponse(result.error);
  const { body, format, fileName } = result.data;
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}
