import { Prisma } from "../../db/generated/client";
import type { Db } from "../../db/client";

export interface LabelEpisodeCount {
  labelId: string;
  name: string;
  color: string;
  /** distinct annotated episodes per run id */
  episodes: Record<string, number>;
}

/**
 * How many episodes of each run carry each label (an episode with the label on two turns counts
 * once). For the run page's label filter (`?label=<name>`) and the compare page. Annotations are
 * made by people, so there are few of them: this reads annotations and joins their episodes.
 */
export async function countEpisodesByLabel(db: Db, runIds: string[]): Promise<LabelEpisodeCount[]> {
  if (runIds.length === 0) return [];
  const rows = await db.$queryRaw<{ runId: string; labelId: string; name: string; color: string; episodes: number }[]>`
    SELECT e."runId", l.id AS "labelId", l.name, l.color, count(DISTINCT e.id)::int AS episodes
    FROM "Annotation" a
    JOIN "_AnnotationToAnnotationLabel" al ON al."A" = a.id
    JOIN "AnnotationLabel" l ON l.id = al."B"
    JOIN "Episode" e ON e.id = a."episodeId"
    WHERE e."runId" IN (${Prisma.join(runIds)})
    GROUP BY e."runId", l.id, l.name, l.color
    ORDER BY l.name`;
  const byLabel = new Map<string, LabelEpisodeCount>();
  for (const row of rows) {
    const entry = byLabel.get(row.labelId) ?? { labelId: row.labelId, name: row.name, color: row.color, episodes: {} };
    entry.episodes[row.runId] = row.episodes;
    byLabel.set(row.labelId, entry);
  }
  return [...byLabel.values()];
}

/** Problems that have an episode with the label in any of the runs (the compare table's label filter). */
export async function problemIdsWithLabel(db: Db, runIds: string[], labelName: string): Promise<Set<string>> {
  if (runIds.length === 0) return new Set();
  const rows = await db.$queryRaw<{ problemId: string }[]>`
    SELECT DISTINCT e."problemId"
    FROM "Annotation" a
    JOIN "_AnnotationToAnnotationLabel" al ON al."A" = a.id
    JOIN "AnnotationLabel" l ON l.id = al."B" AND l.name = ${labelName}
    JOIN "Episode" e ON e.id = a."episodeId"
    WHERE e."runId" IN (${Prisma.join(runIds)})`;
  return new Set(rows.map((r) => r.problemId));
}
