import type { NextRequest } from "next/server";
import { getPrisma } from "@/lib/db/client";
import { searchProblems } from "@/lib/queries/problems/search-problems";
import { jsonRoute } from "../../../json-route";

export const dynamic = "force-dynamic";

/** GET /api/datasets/:datasetId/problems?q= — problem-name suggestions for pickers. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await params;
  const q = request.nextUrl.searchParams.get("q") ?? "";
  return jsonRoute(`problems of dataset ${datasetId}`, async () => ({
    problems: await searchProblems(getPrisma(), datasetId, q.slice(0, 100)),
  }));
}
