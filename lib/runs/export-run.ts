import type { Db } from "../db/client";
import { chatMessagesSchema } from "../policy/message-schemas";
import type { ChatMessage } from "../policy/types";

export type RunExportFormat = "jsonl" | "chat";

const PAGE = 200;

/**
 * A run's episodes with every turn, one JSON object per line, streamed page by
 * page. "chat" writes each episode as an OpenAI-style conversation (the exact
 * messages plus the final reply) with its outcome, usable as SFT data.
 */
export async function* exportRun(db: Db, runId: string, format: RunExportFormat): AsyncGenerator<string> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { id: true, name: true, config: true, policyLabel: true } });
  let cursor: string | undefined;
  for (;;) {
    const episodes = await db.episode.findMany({
      where: { runId, status: { not: "RUNNING" } },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      include: { problem: { select: { externalId: true, name: true } }, turns: { orderBy: { index: "asc" } } },
    });
    if (episodes.length === 0) return;
    for (const e of episodes) {
      const base = {
        runId: run.id,
        episodeId: e.id,
        problem: e.problem.externalId,
        sampleIndex: e.sampleIndex,
        status: e.status,
        solved: e.solved,
        passedPublic: e.passedPublic,
        finalReward: e.finalReward,
        turnsUsed: e.turnsUsed,
        trainStep: e.trainStep,
        error: e.error,
      };
      if (format === "chat") {
        const last = e.turns.at(-1);
        if (!last) continue;
        const messages: ChatMessage[] = [...chatMessagesSchema.parse(last.messages), { role: "assistant", content: last.reply }];
        yield JSON.stringify({ messages, ...base });
      } else {
        yield JSON.stringify({
          ...base,
          policy: run.policyLabel,
          turns: e.turns.map((t) => ({
            index: t.index,
            messages: t.messages,
            reply: t.reply,
            code: t.code,
            extractionRule: t.extractionRule,
            publicVerdict: t.publicVerdict,
            testResults: t.testResults,
            feedback: t.feedback,
            rewardParts: t.rewardParts,
            finalResults: t.finalResults,
            promptTokens: t.promptTokens,
            completionTokens: t.completionTokens,
          })),
        });
      }
    }
    cursor = episodes.at(-1)!.id;
  }
}
