import type { Db } from "../../db/client";
import { episodeVerdictSelect } from "../episodes/episode-outcome-select";
import { getEpisodeReview, type EpisodeReview } from "../annotations/annotation-episode-review";

/**
 * One problem in two runs, for the side-by-side view: each run's episodes of the problem (narrow
 * rows, on the (problemId, runId) index) and the full detail of the one chosen from each side —
 * by default the first failure on one side next to the first success on the other when there is
 * one, since that pair shows what the better run did differently.
 */
export async function loadProblemSideBySide(
  db: Db,
  args: { runA: string; runB: string; problemId: string; episodeA?: string; episodeB?: string },
) {
  const [problem, runs, episodes] = await Promise.all([
    db.problem.findUnique({ where: { id: args.problemId }, select: { id: true, name: true, externalId: true, difficulty: true } }),
    db.run.findMany({ where: { id: { in: [args.runA, args.runB] } }, select: { id: true, name: true, policyLabel: true } }),
    db.episode.findMany({
      where: { problemId: args.problemId, runId: { in: [args.runA, args.runB] } },
      orderBy: [{ sampleIndex: "asc" }, { id: "asc" }],
      select: episodeVerdictSelect,
    }),
  ]);
  if (!problem) return null;
  const aList = episodes.filter((e) => e.runId === args.runA);
  const bList = episodes.filter((e) => e.runId === args.runB);
  const pick = (list: typeof episodes, chosen: string | undefined, prefer: boolean | null) =>
    list.find((e) => e.id === chosen) ?? (prefer === null ? undefined : list.find((e) => e.solved === prefer)) ?? list[0];
  const aSolvesMore = aList.filter((e) => e.solved).length >= bList.filter((e) => e.solved).length;
  const chosenA = pick(aList, args.episodeA, aSolvesMore ? true : false);
  const chosenB = pick(bList, args.episodeB, aSolvesMore ? false : true);
  const [detailA, detailB] = await Promise.all([
    chosenA ? getEpisodeReview(db, chosenA.id) : null,
    chosenB ? getEpisodeReview(db, chosenB.id) : null,
  ]);
  const runById = new Map(runs.map((r) => [r.id, r]));
  return {
    problem,
    a: { run: runById.get(args.runA) ?? null, episodes: aList, detail: detailA as EpisodeReview | null },
    b: { run: runById.get(args.runB) ?? null, episodes: bList, detail: detailB as EpisodeReview | null },
  };
}

export type ProblemSideBySide = NonNullable<Awaited<ReturnType<typeof loadProblemSideBySide>>>;
