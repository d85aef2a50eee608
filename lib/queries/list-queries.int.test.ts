import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { seedSyntheticData, type SeedSyntheticResult } from "../seed/synthetic/seed-synthetic-data";
import { countEpisodes } from "./episodes/count-episodes";
import { countRuns } from "./runs/count-runs";
import { findAdjacentEpisodes } from "./episodes/find-adjacent-episodes";
import { getEpisodeWithTurns } from "./episodes/get-episode-with-turns";
import { listDatasetProblems } from "./datasets/list-dataset-problems";
import { listDatasets } from "./datasets/list-datasets";
import { listEpisodeLabels } from "./episodes/list-episode-labels";
import { listEpisodes } from "./episodes/list-episodes";
import { listProblemRunStats } from "./problems/list-problem-run-stats";
import { listRunHeadlineMetrics } from "./runs/list-run-headline-metrics";
import { listRuns } from "./runs/list-runs";
import { searchProblems } from "./problems/search-problems";
import { createSqlCapturingClient, heavyColumnsIn, type SqlCapturingClient } from "./sql-capturing-client";

let client: SqlCapturingClient;
let seed: SeedSyntheticResult;

beforeAll(async () => {
  client = createSqlCapturingClient(process.env.DATABASE_URL!);
  seed = await seedSyntheticData(client.db, {
    dataset: `lists-${randomUUID().slice(0, 8)}`,
    problems: 6,
    rollouts: 3,
    programLines: 20,
    seed: 11,
  });
});

afterAll(async () => {
  await client?.close();
});

describe("list queries against Postgres", () => {
  it("pages runs by keyset without gaps or repeats, both ways", async () => {
    const db = client.db;
    const filters = { dataset: seed.datasetId };
    const ids: string[] = [];
    let page = await listRuns(db, { filters, limit: 3 });
    ids.push(...page.rows.map((r) => r.id));
    expect(page.prevCursor).toBeNull();
    while (page.nextCursor) {
      page = await listRuns(db, { filters, after: page.nextCursor, limit: 3 });
      ids.push(...page.rows.map((r) => r.id));
    }
    expect(new Set(ids).size).toBe(seed.runIds.length);
    expect(ids.sort()).toEqual([...seed.runIds].sort());
    expect(await countRuns(db, filters)).toBe(seed.runIds.length);
    // newest first, and walking back from the last page lands on the page before it
    const all = await listRuns(db, { filters, limit: 10 });
    const times = all.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const second = await listRuns(db, { filters, limit: 2, after: (await listRuns(db, { filters, limit: 2 })).nextCursor });
    const back = await listRuns(db, { filters, limit: 2, before: second.prevCursor });
    expect(back.rows.map((r) => r.id)).toEqual(all.rows.slice(0, 2).map((r) => r.id));
  });

  it("filters episodes by every URL filter and agrees with the count", async () => {
    const db = client.db;
    const runId = seed.runIds[0];
    const all = await listEpisodes(db, { runId, limit: 200 });
    const failed = await listEpisodes(db, { runId, filters: { outcome: "failed" }, limit: 200 });
    expect(failed.rows.every((e) => e.solved === false)).toBe(true);
    expect(failed.rows.length).toBe(all.rows.filter((e) => e.solved === false).length);
    expect(await countEpisodes(db, { runId }, { outcome: "failed" })).toBe(failed.rows.length);
    const twoTurns = await listEpisodes(db, { runId, filters: { turns: 2, public: "yes" }, limit: 200 });
    expect(twoTurns.rows.every((e) => e.turnsUsed === 2 && e.passedPublic === true)).toBe(true);
    const difficulty = all.rows[0].problem.difficulty!;
    const byDifficulty = await listEpisodes(db, { runId, filters: { difficulty }, limit: 200 });
    expect(byDifficulty.rows.length).toBe(all.rows.filter((e) => e.problem.difficulty === difficulty).length);
    const labelled = await listEpisodes(db, { runId, filters: { label: "good-repair" }, limit: 200 });
    const labels = await listEpisodeLabels(
      db,
      labelled.rows.map((r) => r.id),
    );
    expect(labelled.rows.length).toBeGreaterThan(0);
    expect(labelled.rows.every((r) => labels.get(r.id)?.some((l) => l.name === "good-repair"))).toBe(true);
  });

  it("finds the neighbours of an episode inside the filtered list", async () => {
    const db = client.db;
    const runId = seed.runIds[0];
    const failed = (await listEpisodes(db, { runId, filters: { outcome: "failed" }, limit: 200 })).rows;
    expect(failed.length).toBeGreaterThanOrEqual(2);
    const middle = await findAdjacentEpisodes(db, failed[1].id, { runId }, { outcome: "failed" });
    expect(middle.previousId).toBe(failed[0].id);
    expect(middle.nextId).toBe(failed[2]?.id ?? null);
    const first = await findAdjacentEpisodes(db, failed[0].id, { runId }, { outcome: "failed" });
    expect(first.previousId).toBeNull();
  });

  it("reads headline metrics from summaries, and live 1@3 for runs still running", async () => {
    const metrics = await listRunHeadlineMetrics(client.db, seed.runIds);
    const completed = metrics.get(seed.runIds[0])!;
    expect(completed.oneAtThree).not.toBeNull();
    expect(completed.rolloutLower!).toBeLessThanOrEqual(completed.oneAtThree!);
    expect(completed.problemLower!).toBeLessThanOrEqual(completed.rolloutLower!);
    expect(completed.problemUpper!).toBeGreaterThanOrEqual(completed.rolloutUpper!);
    expect(completed.solveRateByTurn).toHaveLength(3);
    const live = metrics.get(seed.runIds[3])!;
    expect(live.oneAtThree).toBeNull();
    expect(live.liveProblems).toBeGreaterThan(0);
    expect(live.liveOneAtThree).toBeGreaterThanOrEqual(0);
  });

  it("no list query's SQL reads a heavy column", async () => {
    const db = client.db;
    const runId = seed.runIds[0];
    const problemId = (await listEpisodes(db, { runId, limit: 1 })).rows[0].problemId;
    const lists: [string, () => Promise<unknown>][] = [
      ["listRuns", () => listRuns(db, { limit: 5 })],
      ["countRuns", () => countRuns(db, {})],
      ["listRunHeadlineMetrics", () => listRunHeadlineMetrics(db, seed.runIds)],
      ["listEpisodes", () => listEpisodes(db, { runId, filters: { outcome: "failed", difficulty: "EASY", label: "good-repair" } })],
      ["countEpisodes", () => countEpisodes(db, { runId }, { error: "WRONG_ANSWER" })],
      ["listEpisodeLabels", () => listEpisodeLabels(db, [problemId])],
      ["findAdjacentEpisodes", () => findAdjacentEpisodes(db, problemId, { runId }, { outcome: "failed" })],
      ["listEpisodes by problem", () => listEpisodes(db, { problemId })],
      ["listProblemRunStats", () => listProblemRunStats(db, problemId)],
      ["listDatasetProblems", () => listDatasetProblems(db, seed.datasetId, { filters: { q: "a" } })],
      ["searchProblems", () => searchProblems(db, seed.datasetId, "Beacon")],
      ["listDatasets", () => listDatasets(db)],
    ];
    for (const [name, run] of lists) {
      client.reset();
      await run();
      expect(client.statements.length, `${name} sent no SQL`).toBeGreaterThan(0);
      const offending = client.statements.filter((sql) => heavyColumnsIn(sql).length > 0);
      // listDatasets reads Dataset.description, which is short; it must not touch Problem or Turn at all
      if (name === "listDatasets") expect(client.statements.join("\n")).not.toMatch(/"(Problem|Turn)"/);
      else expect(offending, `${name} read heavy columns:\n${offending.join("\n")}`).toEqual([]);
    }
    // the check has teeth: the episode page's query does read them
    client.reset();
    const episodeId = (await listEpisodes(db, { runId, limit: 1 })).rows[0].id;
    await getEpisodeWithTurns(db, episodeId);
    expect(client.statements.flatMap((sql) => heavyColumnsIn(sql))).toEqual(expect.arrayContaining(["code", "testResults", "description"]));
  });
});
