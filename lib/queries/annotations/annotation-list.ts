import type { Db } from "../../db/client";
import { annotationSummarySelect } from "./annotation-episode-annotations";

export interface AnnotationListFilter {
  runId?: string;
  /** label name */
  label?: string;
}

/** Newest annotations first, keyset-paged on id (cuids grow with time), narrow columns only. */
export async function listAnnotations(db: Db, filter: AnnotationListFilter, opts: { cursor?: string; limit?: number } = {}) {
  const limit = opts.limit ?? 50;
  const rows = await db.annotation.findMany({
    where: {
      ...(filter.runId ? { episode: { runId: filter.runId } } : {}),
      ...(filter.label ? { labels: { some: { name: filter.label } } } : {}),
      ...(opts.cursor ? { id: { lt: opts.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      ...annotationSummarySelect,
      episode: {
        select: {
          id: true,
          sampleIndex: true,
          solved: true,
          turnsUsed: true,
          run: { select: { id: true, name: true } },
          problem: { select: { id: true, name: true } },
        },
      },
    },
  });
  return { rows: rows.slice(0, limit), nextCursor: rows.length > limit ? rows[limit - 1].id : null };
}

/** Runs that can be annotated (newest first) with their failed-episode counts, for starting a queue. */
export async function listQueueableRuns(db: Db, limit = 50) {
  const runs = await db.run.findMany({
    where: { progressDone: { gt: 0 } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, name: true, kind: true, status: true, progressDone: true, dataset: { select: { name: true } } },
  });
  return runs;
}
