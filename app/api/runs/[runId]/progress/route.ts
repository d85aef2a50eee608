import { getPrisma } from "@/lib/db/client";
import { getRunProgress } from "@/lib/queries/runs/get-run-progress";
import { jsonRoute } from "../../../json-route";

export const dynamic = "force-dynamic";

/** GET /api/runs/:runId/progress — status and counters, polled while the run is live. */
export async function GET(_request: Request, { params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  return jsonRoute(`progress of run ${runId}`, () => getRunProgress(getPrisma(), runId));
}
