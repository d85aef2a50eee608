import type { Db } from "../../db/client";

/** The home page's three counts. */
export async function countRecords(db: Db): Promise<{ datasets: number; runs: number; episodes: number }> {
  const [datasets, runs, episodes] = await Promise.all([db.dataset.count(), db.run.count(), db.episode.count()]);
  return { datasets, runs, episodes };
}
