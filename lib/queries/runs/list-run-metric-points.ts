import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";

export interface MetricPointRow {
  name: string;
  step: number;
  value: number;
}

/**
 * Training curves for a run, at most about `maxPointsPerSeries` points per
 * metric: long runs are averaged into equal step buckets in SQL so the page
 * never ships (or draws) hundreds of thousands of points.
 */
export async function listRunMetricPoints(db: Db, runId: string, maxPointsPerSeries = 600): Promise<MetricPointRow[]> {
  const rows = await db.$queryRaw<{ name: string; step: number; value: number }[]>(Prisma.sql`
    WITH span AS (
      SELECT min(step) AS first,
        greatest(1, ceil((max(step) - min(step) + 1)::float8 / ${maxPointsPerSeries}))::int AS bucket
      FROM "MetricPoint" WHERE "runId" = ${runId}
    )
    SELECT m.name, min(m.step)::int AS step, avg(m.value)::float8 AS value
    FROM "MetricPoint" m, span
    WHERE m."runId" = ${runId}
    GROUP BY m.name, (m.step - span.first) / span.bucket
    ORDER BY m.name, step`);
  return rows.map((r) => ({ name: r.name, step: Number(r.step), value: Number(r.value) }));
}
