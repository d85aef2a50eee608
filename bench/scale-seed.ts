import type pg from "pg";

/**
 * Bulk seed for the dashboard scale benchmark, in SQL (INSERT … SELECT over
 * generate_series): one dataset of `problems` problems, `runs` runs, about
 * 350,000 episodes and 1,000,000 turns with realistic heavy columns (code,
 * reply, exact messages, test results, feedback, final results), the
 * per-(run, problem) aggregates, annotations and training curves.
 */
export interface ScaleShape {
  problems: number;
  runs: number;
  /** episodes per run: problems × 3.5 by default (samples 0–2 everywhere, sample 3 for half the problems) */
  episodesPerRun: number;
}

export const DEFAULT_SHAPE: ScaleShape = { problems: 5000, runs: 20, episodesPerRun: 17_500 };

// An id shaped like a cuid (25 chars) that sorts in creation order, as cuids roughly do.
const id = (prefix: string, n: string) => `'${prefix}' || lpad(${n}::text, 10, '0') || substr(md5('${prefix}' || ${n}::text), 1, 14)`;

export async function seedScaleData(client: pg.Client, shape: ScaleShape, log: (line: string) => void): Promise<void> {
  const step = async (label: string, sql: string) => {
    const started = Date.now();
    const result = await client.query(sql);
    log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const { problems, runs, episodesPerRun } = shape;
  const episodes = runs * episodesPerRun;

  await step(
    "dataset",
    `INSERT INTO "Dataset" (id, name, source, description, "problemCount") VALUES ('scale-dataset', 'scale', 'synthetic', 'scale benchmark', ${problems})`,
  );
  await step(
    "problems",
    `
    INSERT INTO "Problem" (id, "datasetId", "externalId", name, split, difficulty, rating, tags, "timeLimitMs", "memoryLimitBytes",
      "publicTestCount", "privateTestCount", "generatedTestCount", description, "publicTests", "privateTests", "generatedTests",
      "referenceSolutions", "wrongSolutions")
    SELECT ${id("p", "n")}, 'scale-dataset', 'scale-' || n, 'Scale problem ' || lpad(n::text, 5, '0'), 'test',
      (ARRAY['EASY','MEDIUM','HARD'])[1 + n % 3], 800 + 100 * (n % 20), ARRAY['greedy','math'], 2000, 268435456,
      2, 5, 10,
      '# Scale problem ' || n || E'\\n\\n' || repeat('Given n integers, print the largest multiplied by n. ', 30) || E'\\n\\n## Input\\n\\nn, then n integers.\\n',
      (SELECT jsonb_agg(jsonb_build_object('input', '3' || chr(10) || (n + i) || ' 2 1' || chr(10), 'output', (3 * (n + i)) || chr(10))) FROM generate_series(1, 2) i),
      (SELECT jsonb_agg(jsonb_build_object('input', '4' || chr(10) || repeat((n + i)::text || ' ', 4), 'output', (4 * (n + i)) || chr(10))) FROM generate_series(1, 5) i),
      (SELECT jsonb_agg(jsonb_build_object('input', '5' || chr(10) || repeat((n * i)::text || ' ', 5), 'output', (5 * n * i) || chr(10))) FROM generate_series(1, 10) i),
      jsonb_build_array(jsonb_build_object('language', 'python3', 'code', E'n = int(input())\\nprint(max(map(int, input().split())) * n)\\n')),
      '[]'::jsonb
    FROM generate_series(1, ${problems}) n`,
  );
  await step(
    "runs",
    `
    INSERT INTO "Run" (id, kind, status, name, config, "datasetId", split, "policyLabel", "progressTotal", "progressDone",
      "createdAt", "startedAt", "finishedAt", "updatedAt", "trainStep")
    SELECT 'scale-run-' || lpad(r::text, 2, '0'), CASE WHEN r = ${runs} THEN 'TRAIN'::"RunKind" ELSE 'EVAL'::"RunKind" END,
      CASE WHEN r = 1 THEN 'RUNNING'::"RunStatus" ELSE 'COMPLETED'::"RunStatus" END,
      'scale run ' || r, '{"environment":{"turnLimit":3},"sampling":{"temperature":0.2,"topP":0.95,"maxTokens":2048}}'::jsonb,
      'scale-dataset', 'test', 'scale:model-' || r, ${episodesPerRun}, ${episodesPerRun},
      now() - (${runs} - r) * interval '1 hour', now() - (${runs} - r) * interval '1 hour', now(), now(), CASE WHEN r = ${runs} THEN 2000 ELSE 0 END
    FROM generate_series(1, ${runs}) r`,
  );
  await step(
    "episodes",
    `
    INSERT INTO "Episode" (id, "runId", "problemId", "sampleIndex", status, "turnsUsed", "finalReward", solved, "passedPublic",
      "invalidCode", "firstErrorKind", "solvedAtTurn", "createdAt", "finishedAt")
    SELECT ${id("e", "n")}, 'scale-run-' || lpad((1 + (n - 1) / ${episodesPerRun})::text, 2, '0'),
      ${id("p", `(1 + ((n - 1) % ${episodesPerRun}) % ${problems})`)}, ((n - 1) % ${episodesPerRun}) / ${problems},
      'COMPLETED', x.turns, CASE WHEN x.solved THEN 1 ELSE -1 END - 0.01 * x.turns, x.solved, x.solved OR x.h % 7 = 0,
      x.kind = 'INVALID_CODE', CASE WHEN x.turns = 1 AND x.solved THEN NULL ELSE x.kind END,
      CASE WHEN x.solved THEN x.turns END, now() - interval '1 day' + n * interval '1 millisecond', now()
    FROM generate_series(1, ${episodes}) n
    CROSS JOIN LATERAL (SELECT abs(hashtext(n::text)) AS h) hh
    CROSS JOIN LATERAL (SELECT hh.h,
      CASE WHEN hh.h % 100 < 5 THEN 1 WHEN hh.h % 100 < 10 THEN 2 ELSE 3 END AS turns,
      (hh.h / 100) % 100 < 35 AS solved,
      (ARRAY['WRONG_ANSWER','WRONG_ANSWER','RUNTIME_ERROR','TIME_LIMIT','INVALID_CODE'])[1 + (hh.h / 10000) % 5] AS kind) x`,
  );
  await step(
    "turns",
    `
    INSERT INTO "Turn" (id, "episodeId", index, "extractionRule", "publicVerdict", "publicPassed", "publicTotal", reward, "rewardParts",
      "promptTokens", "completionTokens", "codeChange", "identicalToPrevious", "latencyMs", messages, reply, code, "testResults", feedback, "finalResults")
    SELECT e.id || '-' || t, e.id, t, 'python_fence',
      CASE WHEN t = e."turnsUsed" - 1 AND e."passedPublic" THEN 'OK' ELSE coalesce(e."firstErrorKind", 'WRONG_ANSWER') END,
      CASE WHEN t = e."turnsUsed" - 1 AND e."passedPublic" THEN 2 ELSE 1 END, 2,
      CASE WHEN t = e."turnsUsed" - 1 THEN e."finalReward" ELSE 0 END,
      jsonb_build_object('terminal', CASE WHEN t = e."turnsUsed" - 1 THEN sign(e."finalReward") ELSE 0 END, 'invalidCode', 0, 'kl', -0.01, 'total', CASE WHEN t = e."turnsUsed" - 1 THEN e."finalReward" ELSE -0.01 END),
      400 + 300 * t, 350, CASE WHEN t > 0 THEN 0.3 END, CASE WHEN t > 0 THEN false END, 1500,
      jsonb_build_array(jsonb_build_object('role', 'user', 'content', 'Provide a Python solution for the following competitive programming question: ' || repeat('Given n integers, print the largest multiplied by n. ', 20))),
      'Here is my solution.' || chr(10) || '\`\`\`python' || chr(10) || c.code || chr(10) || '\`\`\`',
      c.code,
      jsonb_build_array(
        jsonb_build_object('index', 0, 'verdict', 'OK', 'timeMs', 21, 'peakMemoryBytes', 9437184, 'exitCode', 0, 'stdoutHead', '6', 'stdoutTail', '', 'stderrHead', '', 'stderrTail', ''),
        jsonb_build_object('index', 1, 'verdict', 'WRONG_ANSWER', 'timeMs', 23, 'peakMemoryBytes', 9437184, 'exitCode', 0, 'stdoutHead', md5(e.id || t), 'stdoutTail', '', 'stderrHead', '', 'stderrTail', '')),
      CASE WHEN t < e."turnsUsed" - 1 THEN 'Your code failed the following tests:' || chr(10) || chr(10) || '- input \`3 2 1\` failed:' || chr(10) || 'Expected output \`9\` but got \`' || md5(e.id || t) || '\`' || chr(10) || chr(10) || 'Give it another try.' END,
      CASE WHEN t = e."turnsUsed" - 1 THEN jsonb_build_object('solved', e.solved, 'verdict', CASE WHEN e.solved THEN 'OK' ELSE 'WRONG_ANSWER' END, 'passed', 7, 'total', 17,
        'results', jsonb_build_array(jsonb_build_object('index', 0, 'verdict', 'OK', 'timeMs', 20, 'stdoutHead', '6'), jsonb_build_object('index', 7, 'verdict', CASE WHEN e.solved THEN 'OK' ELSE 'WRONG_ANSWER' END, 'timeMs', 25, 'stdoutHead', '1'))) END
    FROM "Episode" e
    CROSS JOIN LATERAL generate_series(0, e."turnsUsed" - 1) t
    CROSS JOIN LATERAL (SELECT 'import sys' || chr(10) || '# ' || md5(e.id || t) || chr(10) ||
      repeat('def helper(values):' || chr(10) || '    total = 0' || chr(10) || '    for v in values:' || chr(10) || '        total += v' || chr(10) || '    return total' || chr(10) || chr(10), 12) ||
      'n = int(input())' || chr(10) || 'print(max(map(int, input().split())) * n + ' || t || ')' AS code) c
    WHERE e."runId" LIKE 'scale-run-%'`,
  );
  await step(
    "problem run stats",
    `
    INSERT INTO "ProblemRunStat" ("runId", "problemId", episodes, solved, "passedPublic", errored)
    SELECT "runId", "problemId", count(*), count(*) FILTER (WHERE solved), count(*) FILTER (WHERE "passedPublic"), 0
    FROM "Episode" WHERE "runId" LIKE 'scale-run-%' GROUP BY "runId", "problemId"`,
  );
  await step(
    "labels",
    `INSERT INTO "AnnotationLabel" (id, name, color) VALUES ('scale-l1', 'good-repair', '#16a34a'), ('scale-l2', 'ignores-feedback', '#dc2626') ON CONFLICT DO NOTHING`,
  );
  await step(
    "annotations",
    `
    INSERT INTO "Annotation" (id, "episodeId", "turnIndex", note, "updatedAt")
    SELECT 'a-' || e.id, e.id, 0, 'looked at this one', now() FROM "Episode" e WHERE e."runId" LIKE 'scale-run-%' AND abs(hashtext(e.id)) % 50 = 0`,
  );
  await step(
    "annotation labels",
    `
    INSERT INTO "_AnnotationToAnnotationLabel" ("A", "B")
    SELECT a.id, CASE WHEN abs(hashtext(a.id)) % 2 = 0 THEN 'scale-l1' ELSE 'scale-l2' END FROM "Annotation" a WHERE a.id LIKE 'a-%'`,
  );
  await step(
    "training curves",
    `
    INSERT INTO "MetricPoint" (id, "runId", step, name, value)
    SELECT 'm-' || s || '-' || k, 'scale-run-' || lpad(${runs}::text, 2, '0'), s, k, random()
    FROM generate_series(1, 2000) s, unnest(ARRAY['reward/mean','solve_rate','kl','entropy','loss/policy','loss/value','clip_fraction']) k`,
  );
  await step("analyze", `ANALYZE`);
}
