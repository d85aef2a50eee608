import type { Db } from "../../db/client";
import { episodeOutcomeSelect } from "../episodes/episode-outcome-select";
import { episodeAnnotationSelect } from "./annotation-episode-annotations";

/**
 * One episode as a reviewer needs it: outcome, each attempt's code and the feedback that followed,
 * and its annotations. A detail view, so it reads the heavy columns (code, feedback, statement);
 * never call it for a list.
 */
export async function getEpisodeReview(db: Db, episodeId: string) {
  const episode = await db.episode.findUnique({
    where: { id: episodeId },
    select: {
      ...episodeOutcomeSelect,
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
      annotations: { orderBy: { createdAt: "asc" }, select: episodeAnnotationSelect },
    },
  });
  return episode;
}

export type EpisodeReview = NonNullable<Awaited<ReturnType<typeof getEpisodeReview>>>;
