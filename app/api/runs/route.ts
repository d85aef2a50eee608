import type { NextRequest } from "next/server";
import { getPrisma } from "@/lib/db/client";
import { listRunsPage } from "@/lib/queries/runs/list-runs-page";
import { parseRunFilters } from "@/lib/queries/runs/run-filters";
import { intParam, jsonRoute } from "../json-route";

export const dynamic = "force-dynamic";

/** GET /api/runs?kind&status&dataset&q&sort&after|before&limit — the runs list, polled while runs are live. */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  return jsonRoute("runs list", () =>
    listRunsPage(getPrisma(), {
      filters: parseRunFilters(params),
      after: params.get("after"),
      before: params.get("before"),
      limit: intParam(params, "limit"),
    }),
  );
}
