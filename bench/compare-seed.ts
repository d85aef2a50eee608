import type pg from "pg";

/**
 * Seed for the compare benchmark, all in SQL (INSERT … SELECT over generate_series): one dataset of
 * `problems` problems, two completed eval runs with `rollouts` episodes per problem each, their
 * ProblemRunStat rows (what the compare page reads), and a few thousand labelled annotations so the
 * label counts have real work. Run B is a "better checkpoint": its per-problem solve probability is
 * A's plus a problem-dependent shift, so the page shows real flips and a positive difference.
 */
export interface CompareShape {
  problems: number;
  rollouts: number;
  annotations: number;
}

export const DEFAULT_COMPARE_SHAPE: CompareShape = { problems: 5000, rollouts: 8, annotations: 4000 };

const LABELS = [
  "ignores feedback",
  "resubmits same code",
  "wrong algorithm",
  "too slow",
  "I/O format",
  "misreads problem",
  "hard-codes examples",
  "correct but judged wrong",
];

export async function seedCompareData(client: pg.Client, shape: CompareShape, log: (line: string) => void): Promise<void> {
  const step = async (label: string, sql: string) => {
    const started = Date.now();
    const result = await client.query(sql);
    log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const { problems, rollouts, annotations } = shape;
  await step(
    "dataset",
    `INSERT INTO "Dataset" (id, name, source, "problemCount") VALUES ('cmp-dataset', 'compare-scale', 'synthetic', ${problems})`,
  );
  await step(
    "problems",
    `
    INSERT INTO "Problem" (id, "datasetId", "externalId", name, split, difficulty, description, "publicTests", "privateTests", "generatedTests", "referenceSolutions", "wrongSolutions")
    SELECT 'cmp-p-' || lpad(n::text, 6, '0'), 'cmp-dataset', 'cmp-' || n, 'Compare problem ' || lpad(n::text, 5, '0'), 'test',
      (ARRAY['EASY','MEDIUM','HARD'])[1 + n % 3], repeat('A statement of realistic length. ', 60), '[]', '[]', '[]', '[]', '[]'
    FROM generate_series(1, ${problems}) n`,
  );
  await step(
    "runs",
    `
    INSERT INTO "Run" (id, kind, status, name, config, "datasetId", split, "policyLabel", "progressTotal", "progressDone", "createdAt", "updatedAt", "finishedAt")
    SELECT 'cmp-run-' || r, 'EVAL', 'COMPLETED', 'compare run ' || r, '{}', 'cmp-dataset', 'test', 'bench:' || r,
      ${problems * rollouts}, ${problems * rollouts}, now() - (3 - r) * interval '1 hour', now(), now()
    FROM generate_series(1, 2) r`,
  );
  // p(solve) per problem in run A; run B adds a shift between −0.1 and +0.3 (an improvement on average).
  await step(
    "episodes",
    `
    INSERT INTO "Episode" (id, "runId", "problemId", "sampleIndex", status, "turnsUsed", solved, "passedPublic", "finalReward", "createdAt", "finishedAt")
    SELECT 'cmp-e-' || r || '-' || lpad(p::text, 6, '0') || '-' || s, 'cmp-run-' || r, 'cmp-p-' || lpad(p::text, 6, '0'), s, 'COMPLETED',
      1 + (abs(hashtext(r || ':' || p || ':' || s || 't')) % 3), x.solved, x.solved OR (x.u < x.ps + 0.1), CASE WHEN x.solved THEN 1 ELSE -1 END, now(), now()
    FROM generate_series(1, 2) r, generate_series(1, ${problems}) p, generate_series(0, ${rollouts - 1}) s
    CROSS JOIN LATERAL (SELECT
      least(1, greatest(0, (abs(hashtext('pa' || p)) % 1000) / 1000.0 * 0.8
        + CASE WHEN r = 2 THEN (abs(hashtext('shift' || p)) % 1000) / 1000.0 * 0.4 - 0.1 ELSE 0 END)) AS ps,
      (abs(hashtext(r || ':' || p || ':' || s)) % 10000) / 10000.0 AS u) y
    CROSS JOIN LATERAL (SELECT y.u < y.ps AS solved, y.u, y.ps) x`,
  );
  await step(
    "problem run stats",
    `
    INSERT INTO "ProblemRunStat" ("runId", "problemId", episodes, solved, "passedPublic", errored)
    SELECT "runId", "problemId", count(*), count(*) FILTER (WHERE solved), count(*) FILTER (WHERE "passedPublic"), 0
    FROM "Episode" WHERE "runId" IN ('cmp-run-1', 'cmp-run-2') GROUP BY "runId", "problemId"`,
  );
  await step(
    "labels",
    `
    INSERT INTO "AnnotationLabel" (id, name) SELECT 'cmp-label-' || i, (ARRAY[${LABELS.map((l) => `'${l}'`).join(",")}])[i]
    FROM generate_series(1, ${LABELS.length}) i ON CONFLICT (name) DO NOTHING`,
  );
  await step(
    "annotations",
    `
    INSERT INTO "Annotation" (id, "episodeId", "turnIndex", note, "createdAt", "updatedAt")
    SELECT 'cmp-a-' || n, 'cmp-e-' || (1 + n % 2) || '-' || lpad((1 + (n * 7919) % ${problems})::text, 6, '0') || '-' || (n % ${rollouts}),
      n % 3, 'bench note ' || n, now(), now()
    FROM generate_series(1, ${annotations}) n`,
  );
  await step(
    "annotation labels",
    `
    INSERT INTO "_AnnotationToAnnotationLabel" ("A", "B")
    SELECT a.id, l.id FROM "Annotation" a
    JOIN "AnnotationLabel" l ON l.name = (ARRAY[${LABELS.map((l) => `'${l}'`).join(",")}])[1 + abs(hashtext(a.id)) % ${LABELS.length}]
    WHERE a.id LIKE 'cmp-a-%'`,
  );
  await client.query(`ANALYZE`);
}
