import type { Db } from "../../db/client";

/** One episode's annotations with labels and authors (for the annotation panel of any episode view). */
export async function listEpisodeAnnotations(db: Db, episodeId: string) {
  return db.annotation.findMany({
    where: { episodeId },
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
  });
}
