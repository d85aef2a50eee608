import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import {
  extractionRuleSchema,
  feedbackSourceSchema,
  publicVerdictSchema,
  rewardPartsSchema,
  submissionResultSchema,
} from "../episode/turn-schemas";
import type { EpisodeResult, TurnRecord } from "../episode/types";
import { codeChangeBetween } from "../metrics/code-change";
import { escapeNul, unescapeNul } from "../db/nul-safe";
import { chatMessagesSchema, tokenDataSchema } from "../policy/message-schemas";
import { testResultsSchema } from "../sandbox/test-result-schema";

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** The episode row for (run, problem, sample), created once; the unique key makes retries safe. */
export async function openEpisode(
  db: Db,
  key: { runId: string; problemId: string; sampleIndex: number; checkpointId?: string | null; trainStep?: number | null },
) {
  return db.episode.upsert({
    where: { runId_problemId_sampleIndex: { runId: key.runId, problemId: key.problemId, sampleIndex: key.sampleIndex } },
    create: { ...key, status: "RUNNING" },
    update: {},
    select: { id: true, status: true },
  });
}

/**
 * Turns an interrupted attempt already stored, in order, as the engine's records. Every JSON column
 * is validated: an episode resumes from what it stored or fails loudly, never from a guess.
 */
export async function loadStoredTurns(db: Db, episodeId: string): Promise<TurnRecord[]> {
  const rows = await db.turn.findMany({ where: { episodeId }, orderBy: { index: "asc" } });
  return rows.map((stored) => {
    const row = {
      ...stored,
      ...unescapeNul({ messages: stored.messages, reply: stored.reply, code: stored.code, feedback: stored.feedback }),
    };
    return {
      index: row.index,
      messages: chatMessagesSchema.parse(row.messages),
      reply: row.reply,
      code: row.code,
      extractionRule: extractionRuleSchema.parse(row.extractionRule),
      publicVerdict: publicVerdictSchema.parse(row.publicVerdict),
      publicPassed: row.publicPassed,
      publicTotal: row.publicTotal,
      testResults: testResultsSchema.parse(row.testResults),
      feedback: row.feedback,
      rewardParts: rewardPartsSchema.parse(row.rewardParts),
      tokenData: row.tokenData === null ? undefined : tokenDataSchema.parse(row.tokenData),
      ...(row.finishReason !== null ? { finishReason: row.finishReason } : {}),
      ...(row.feedbackSource !== null ? { feedbackSource: feedbackSourceSchema.parse(row.feedbackSource) } : {}),
      final: row.finalResults === null ? undefined : submissionResultSchema.parse(row.finalResults),
    };
  });
}

/** Store one turn; storing the same turn twice (a retried job) keeps the first. */
export async function saveTurn(
  db: Db,
  episodeId: string,
  exact: TurnRecord,
  previousCode: string | null | undefined,
  policyVersion?: number,
) {
  const turn = escapeNul(exact);
  const change = exact.code !== null && previousCode != null ? codeChangeBetween(previousCode, exact.code) : null;
  await db.turn.upsert({
    where: { episodeId_index: { episodeId, index: turn.index } },
    update: {},
    create: {
      episodeId,
      index: turn.index,
      extractionRule: turn.extractionRule,
      publicVerdict: turn.publicVerdict,
      publicPassed: turn.publicPassed,
      publicTotal: turn.publicTotal,
      reward: turn.rewardParts.total,
      rewardParts: json(turn.rewardParts),
      promptTokens: turn.promptTokens,
      completionTokens: turn.completionTokens,
      policyVersion: policyVersion ?? turn.tokenData?.policyVersion,
      latencyMs: turn.latencyMs === undefined ? undefined : Math.round(turn.latencyMs),
      codeChange: change?.change ?? null,
      identicalToPrevious: change?.identical ?? null,
      messages: json(turn.messages),
      reply: turn.reply,
      code: turn.code,
      testResults: json(turn.testResults),
      feedback: turn.feedback,
      finalResults: turn.final ? json(turn.final) : undefined,
      tokenData: turn.tokenData ? json(turn.tokenData) : undefined,
      finishReason: turn.finishReason,
      feedbackSource: turn.feedbackSource ? json(turn.feedbackSource) : undefined,
    },
  });
}

/**
 * Rewrite a stored turn's ending: the episode ended after it (the endpoint refused the next request as
 * longer than the model's context), so it carries the failed submission and the terminal reward.
 * Repeating it writes the same values.
 */
export async function amendTurnEnding(db: Db, episodeId: string, turn: TurnRecord) {
  await db.turn.update({
    where: { episodeId_index: { episodeId, index: turn.index } },
    data: {
      reward: turn.rewardParts.total,
      rewardParts: json(turn.rewardParts),
      finalResults: turn.final ? json(escapeNul(turn.final)) : undefined,
    },
  });
}

/** Why an errored episode is excluded from the metrics (shown beside every metric, never silently). */
export type ExclusionReason = "endpoint_error" | "sandbox_error";

/**
 * Mark the episode finished and count it, once: the status guard makes a
 * repeated call (a retried job) a no-op, so counters never double.
 */
export async function finishEpisode(
  db: Db,
  ep: { id: string; runId: string; problemId: string },
  result: { outcome: EpisodeResult } | { error: string; reason: ExclusionReason },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const errored = "error" in result;
    const data = errored
      ? { status: "ERRORED" as const, error: escapeNul(result.error.slice(0, 4000)), endReason: result.reason, finishedAt: new Date() }
      : {
          status: "COMPLETED" as const,
          finishedAt: new Date(),
          turnsUsed: result.outcome.turns.length,
          finalReward: result.outcome.finalReward,
          solved: result.outcome.solved,
          passedPublic: result.outcome.passedPublic,
          invalidCode: result.outcome.invalidCode,
          firstErrorKind: result.outcome.firstErrorKind,
          solvedAtTurn: result.outcome.solvedAtTurn,
          endReason: result.outcome.endReason,
        };
    const changed = await tx.episode.updateMany({ where: { id: ep.id, status: "RUNNING" }, data });
    if (changed.count === 0) return false;
    const solved = !errored && result.outcome.solved ? 1 : 0;
    const passedPublic = !errored && result.outcome.passedPublic ? 1 : 0;
    await tx.run.update({
      where: { id: ep.runId },
      data: { progressDone: { increment: 1 }, progressErrored: { increment: errored ? 1 : 0 } },
    });
    await tx.problemRunStat.upsert({
      where: { runId_problemId: { runId: ep.runId, problemId: ep.problemId } },
      create: { runId: ep.runId, problemId: ep.problemId, episodes: 1, solved, passedPublic, errored: errored ? 1 : 0 },
      update: {
        episodes: { increment: 1 },
        solved: { increment: solved },
        passedPublic: { increment: passedPublic },
        errored: { increment: errored ? 1 : 0 },
      },
    });
    return true;
  });
}
