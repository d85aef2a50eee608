import type { Db } from "../../db/client";

export interface AnnotationExportFilter {
  runId?: string;
  /** label name */
  label?: string;
}

export interface AnnotationExportRow {
  annotationId: string;
  createdAt: string;
  updatedAt: string;
  author: string | null;
  runId: string;
  runName: string;
  episodeId: string;
  sampleIndex: number;
  problemExternalId: string;
  problemName: string;
  solved: boolean | null;
  turnsUsed: number;
  /** 0-based Turn.index, null for the whole episode */
  turnIndex: number | null;
  labels: string[];
  note: string | null;
}

/** Every matching annotation, oldest first, read in keyset batches so an export of any size streams. */
export async function* iterateAnnotationExportRows(
  db: Db,
  filter: AnnotationExportFilter,
  batchSize = 1000,
): AsyncGenerator<AnnotationExportRow> {
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.annotation.findMany({
      where: {
        ...(filter.runId ? { episode: { runId: filter.runId } } : {}),
        ...(filter.label ? { labels: { some: { name: filter.label } } } : {}),
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      orderBy: { id: "asc" },
      take: batchSize,
      select: {
        id: true,
        createdAt: true,
        updatedAt: true,
        turnIndex: true,
        note: true,
        author: { select: { email: true } },
        labels: { select: { name: true }, orderBy: { name: "asc" } },
        episode: {
          select: {
            id: true,
            runId: true,
            sampleIndex: true,
            solved: true,
            turnsUsed: true,
            run: { select: { name: true } },
            problem: { select: { externalId: true, name: true } },
          },
        },
      },
    });
    for (const a of batch) {
      yield {
        annotationId: a.id,
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
        author: a.author?.email ?? null,
        runId: a.episode.runId,
        runName: a.episode.run.name,
        episodeId: a.episode.id,
        sampleIndex: a.episode.sampleIndex,
        problemExternalId: a.episode.problem.externalId,
        problemName: a.episode.problem.name,
        solved: a.episode.solved,
        turnsUsed: a.episode.turnsUsed,
        turnIndex: a.turnIndex,
        labels: a.labels.map((l) => l.name),
        note: a.note,
      };
    }
    if (batch.length < batchSize) return;
    cursor = batch[batch.length - 1].id;
  }
}
