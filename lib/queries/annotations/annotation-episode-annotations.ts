import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

/** What any annotation row shows: the note, where it points, who wrote it and its labels (by name). */
export const annotationSummarySelect = {
  id: true,
  turnIndex: true,
  note: true,
  createdAt: true,
  author: { select: { email: true, name: true } },
  labels: { select: { id: true, name: true, color: true }, orderBy: { name: "asc" } },
} satisfies Prisma.AnnotationSelect;

/** An annotation as the annotation panel needs it: the summary plus its author's id (who may edit it). */
export const episodeAnnotationSelect = { ...annotationSummarySelect, authorId: true } satisfies Prisma.AnnotationSelect;

/** One episode's annotations with labels and authors (for the annotation panel of any episode view). */
export async function listEpisodeAnnotations(db: Db, episodeId: string) {
  return db.annotation.findMany({
    where: { episodeId },
    orderBy: { createdAt: "asc" },
    select: episodeAnnotationSelect,
  });
}
