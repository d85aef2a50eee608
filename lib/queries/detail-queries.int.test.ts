import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { disconnectPrisma, getPrisma } from "../db/client";
import { seedSyntheticData, type SeedSyntheticResult } from "../seed/synthetic/seed-synthetic-data";
import { getEpisodeWithTurns } from "./episodes/get-episode-with-turns";
import { getProblem } from "./problems/get-problem";
import { getRun } from "./runs/get-run";
import { getRunProgress } from "./runs/get-run-progress";
import { getTurnReply } from "./episodes/get-turn-reply";
import { listEpisodes } from "./episodes/list-episodes";
import { listProblemTests } from "./problems/list-problem-tests";
import { listReferenceSolutions } from "./problems/list-reference-solutions";
import { listRunMetricPoints } from "./runs/list-run-metric-points";

let seed: SeedSyntheticResult;

beforeAll(async () => {
  seed = await seedSyntheticData(getPrisma(), {
    dataset: `detail-${randomUUID().slice(0, 8)}`,
    problems: 4,
    rollouts: 3,
    programLines: 30,
    seed: 5,
  });
});

afterAll(async () => {
  await disconnectPrisma();
});

describe("detail queries against Postgres", () => {
  it("loads an episode with every turn, test excerpts beside each result and the final judgement", async () => {
    const db = getPrisma();
    const multi = (await listEpisodes(db, { runId: seed.runIds[0], filters: { outcome: "failed" }, limit: 100 })).rows.find(
      (e) => e.turnsUsed >= 2,
    )!;
    const episode = (await getEpisodeWithTurns(db, multi.id))!;
    expect(episode.turns.map((t) => t.index)).toEqual(Array.from({ length: multi.turnsUsed }, (_, i) => i));
    expect(episode.problem.description).toContain("##");
    const withTests = episode.turns.find((t) => t.testResults.length > 0)!;
    for (const result of withTests.testResults) {
      expect(result.test?.list).toBe("public");
      expect(result.test?.index).toBe(result.index);
      expect(result.test?.output.length).toBeGreaterThan(0);
    }
    // every non-final turn carries the feedback the model received next
    expect(episode.turns.slice(0, -1).every((t) => t.feedback !== null)).toBe(true);
    const final = episode.turns.at(-1)!.final!;
    expect(final.solved).toBe(false);
    const failing = final.results.filter((r) => r.verdict !== "OK");
    for (const r of failing) expect(r.test).not.toBeNull();
    expect(episode.turns.every((t) => t.rewardParts.total !== null)).toBe(true);
  });

  it("cuts long test fields in SQL and reports the full length", async () => {
    const db = getPrisma();
    const { problemId } = (await listEpisodes(db, { runId: seed.runIds[0], limit: 1 })).rows[0];
    const big = "9 ".repeat(5000);
    await db.problem.update({
      where: { id: problemId },
      data: {
        privateTests: [
          { input: big, output: "1\n" },
          { input: "2\n", output: "2\n" },
        ],
      },
    });
    const [first] = await listProblemTests(db, problemId, "private", { limit: 1, maxChars: 100 });
    expect(first.input).toHaveLength(100);
    expect(first.inputLength).toBe(big.length);
    const second = await listProblemTests(db, problemId, "private", { offset: 1, limit: 5 });
    expect(second.map((t) => t.index)).toEqual([1]);
    const refs = await listReferenceSolutions(db, problemId);
    expect(refs.total).toBe(1);
    expect(refs.solutions[0].code).toContain("print");
    expect((await getProblem(db, problemId))?.name).toBeTruthy();
  });

  it("returns the reply and exact messages of one turn on demand", async () => {
    const db = getPrisma();
    const ep =
      (await listEpisodes(db, { runId: seed.runIds[0], filters: { turns: 2 }, limit: 1 })).rows[0] ??
      (await listEpisodes(db, { runId: seed.runIds[0], limit: 1 })).rows[0];
    const reply = (await getTurnReply(db, ep.id, 0))!;
    expect(reply.messages[0].role).toBe("user");
    expect(reply.messages[0].content).toContain("Provide a Python solution");
    expect(await getTurnReply(db, ep.id, 99)).toBeNull();
  });

  it("reads a run, its progress and its training curves (bucketed to a cap)", async () => {
    const db = getPrisma();
    const train = seed.runIds[1];
    expect((await getRun(db, train))?.kind).toBe("TRAIN");
    expect((await getRunProgress(db, seed.runIds[3]))?.status).toBe("RUNNING");
    const all = await listRunMetricPoints(db, train);
    expect(new Set(all.map((p) => p.name)).size).toBe(7);
    expect(all.filter((p) => p.name === "kl")).toHaveLength(200);
    const capped = await listRunMetricPoints(db, train, 50);
    const kl = capped.filter((p) => p.name === "kl");
    expect(kl.length).toBeLessThanOrEqual(50);
    expect(kl.map((p) => p.step)).toEqual([...kl.map((p) => p.step)].sort((a, b) => a - b));
  });
});
