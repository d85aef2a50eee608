import type { Db } from "../../db/client";

/**
 * One episode as a reviewer needs it: outcome, each attempt's code and the feedback that followed,
 * and its annotations. A detail view, so it reads the heavy columns (code, feedback, statement);
 * never call it for a list.
 */
export async function getEpisodeReview(db: Db, episodeId: string) {
  const episode = await db.episode.findUnique({
    where: { id: episodeId },
    select: {
      id: true,
      runId: true,
      sampleIndex: true,
      status: true,
      solved: true,
      passedPublic: true,
      turnsUsed: true,
      finalReward: true,
      firstErrorKind: true,
      solvedAtTurn: true,
      invalidCode: true,
      error: true,
      run: { select: { name: true, policyLabel: true } },
      problem: { select: { id: true, name: true, externalId: true, difficulty: true, description: true } },
      turns: {
        orderBy: { index: "asc" },
        select: {
          index: true,
          publicVerdict: true,
          publicPassed: true,
          publicTotal: true,
          reward: true,
          identicalToPrevious: true,
          codeChange: true,
          extractionRule: true,
          code: true,
          feedback: true,
        },
      },
      annotations: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          turnIndex: true,
          note: true,
          createdAt: true,
          authorId: true,
          author: { select: { email: true, name: true } },
          labels: { select: { id: true, name: true, color: true }, orderBy: { name: "asc" } },
        },
      },
    },
  });
  return episode;
}

export type EpisodeReview = NonNullable<Awaited<ReturnType<typeof getEpisodeReview>>>;
