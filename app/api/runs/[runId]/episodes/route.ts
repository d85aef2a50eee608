import type { NextRequest } from "next/server";
import { getPrisma } from "@/lib/db/client";
import { parseEpisodeFilters } from "@/lib/queries/episodes/episode-filters";
import { listEpisodesPage } from "@/lib/queries/episodes/list-episodes-page";
import { intParam, jsonRoute } from "../../../json-route";

export const dynamic = "force-dynamic";

/** GET /api/runs/:runId/episodes?<filters>&after|before&limit — one keyset page of the episode table. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  const search = request.nextUrl.searchParams;
  return jsonRoute(`episodes of run ${runId}`, () =>
    listEpisodesPage(getPrisma(), {
      runId,
      filters: parseEpisodeFilters(search),
      after: search.get("after"),
      before: search.get("before"),
      limit: intParam(search, "limit"),
    }),
  );
}
