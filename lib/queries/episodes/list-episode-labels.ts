import type { Db } from "../../db/client";

export interface EpisodeLabel {
  name: string;
  color: string;
}

/** Annotation labels of the visible episodes, keyed by episode id (joined to the rows by id). */
export async function listEpisodeLabels(db: Db, episodeIds: string[]): Promise<Map<string, EpisodeLabel[]>> {
  const result = new Map<string, EpisodeLabel[]>();
  if (episodeIds.length === 0) return result;
  const annotations = await db.annotation.findMany({
    where: { episodeId: { in: episodeIds } },
    select: { episodeId: true, labels: { select: { name: true, color: true } } },
  });
  for (const { episodeId, labels } of annotations) {
    const list = result.get(episodeId) ?? [];
    for (const label of labels) if (!list.some((l) => l.name === label.name)) list.push(label);
    result.set(episodeId, list);
  }
  return result;
}
