import type { NextRequest } from "next/server";
import { getPrisma } from "@/lib/db/client";
import { countEpisodes } from "@/lib/queries/episodes/count-episodes";
import { parseEpisodeFilters } from "@/lib/queries/episodes/episode-filters";
import { jsonRoute } from "../../../../json-route";

export const dynamic = "force-dynamic";

/** GET /api/runs/:runId/episodes/count?<filters> — the table's total, fetched beside the rows. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  const filters = parseEpisodeFilters(request.nextUrl.searchParams);
  return jsonRoute(`episode count of run ${runId}`, async () => ({ count: await countEpisodes(getPrisma(), { runId }, filters) }));
}
