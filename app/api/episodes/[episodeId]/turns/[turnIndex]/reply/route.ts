import { getPrisma } from "@/lib/db/client";
import { getTurnReply } from "@/lib/queries/episodes/get-turn-reply";
import { jsonRoute } from "../../../../../json-route";

export const dynamic = "force-dynamic";

/** GET /api/episodes/:episodeId/turns/:turnIndex/reply — the full reply and exact messages, on demand. */
export async function GET(_request: Request, { params }: { params: Promise<{ episodeId: string; turnIndex: string }> }) {
  const { episodeId, turnIndex } = await params;
  const index = Number(turnIndex);
  return jsonRoute(`reply of turn ${turnIndex} of episode ${episodeId}`, async () =>
    Number.isInteger(index) && index >= 0 ? getTurnReply(getPrisma(), episodeId, index) : null,
  );
}
