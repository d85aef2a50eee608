import type { Db } from "../../db/client";

export interface TurnReply {
  reply: string;
  /** the exact chat messages sent for this turn */
  messages: { role: string; content: string }[];
}

/** The model's full reply and the exact prompt of one turn, loaded when the user asks for them. */
export async function getTurnReply(db: Db, episodeId: string, turnIndex: number): Promise<TurnReply | null> {
  const turn = await db.turn.findUnique({
    where: { episodeId_index: { episodeId, index: turnIndex } },
    select: { reply: true, messages: true },
  });
  if (!turn) return null;
  const messages = Array.isArray(turn.messages)
    ? (turn.messages as unknown[]).flatMap((m) => {
        if (!m || typeof m !== "object") return [];
        const { role, content } = m as Record<string, unknown>;
        return [{ role: String(role ?? "unknown"), content: typeof content === "string" ? content : JSON.stringify(content) }];
      })
    : [];
  return { reply: turn.reply, messages };
}
