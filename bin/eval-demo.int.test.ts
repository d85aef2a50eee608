import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "../lib/db/client";
import { seedDemoData } from "../lib/seed/seed-demo-data";

const db = getPrisma();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("npx rlef eval --dataset demo --policy demo --rollouts 4 --inline --json", () => {
  beforeAll(async () => { await seedDemoData(); });

  it("plays 4 episodes per problem and prints a summary that the stored episodes reproduce", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath, ["bin/rlef.js", "eval", "--dataset", "demo", "--policy", "demo", "--rollouts", "4", "--inline", "--json"],
      { env: process.env, maxBuffer: 16 * 1024 * 1024 },
    );
    const summary = JSON.parse(stdout);
    const problems = await db.problem.count({ where: { dataset: { name: "demo" } } });
    expect(problems).toBeGreaterThanOrEqual(30);
    const episodes = await db.episode.findMany({
      where: { runId: summary.runId },
      select: { problemId: true, solved: true, solvedAtTurn: true, status: true, turns: { select: { index: true, publicVerdict: true } } },
    });
    expect(episodes).toHaveLength(4 * problems);
    expect(episodes.every((e) => e.status === "COMPLETED")).toBe(true);

    // 1@3 and pass@1: the mean over problems of the fraction of rollouts solved
    const byProblem = new Map<string, typeof episodes>();
    for (const e of episodes) byProblem.set(e.problemId, [...(byProblem.get(e.problemId) ?? []), e]);
    const perProblem = (f: (e: (typeof episodes)[number]) => boolean) => mean([...byProblem.values()].map((es) => es.filter(f).length / es.length));
    expect(summary.oneAtThree.value).toBeCloseTo(perProblem((e) => !!e.solved), 10);
    expect(summary.passAt1.value).toBeCloseTo(summary.oneAtThree.value, 10);
    expect(summary.oneAtThree.ci.lower).toBeLessThanOrEqual(summary.oneAtThree.value);
    expect(summary.oneAtThree.ci.upper).toBeGreaterThanOrEqual(summary.oneAtThree.value);
    // solve rate after each turn
    for (const t of [1, 2, 3]) {
      const row = summary.solveRateByTurn.find((r: { turn: number }) => r.turn === t);
      expect(row.rate).toBeCloseTo(perProblem((e) => e.solvedAtTurn !== null && e.solvedAtTurn <= t), 10);
    }
    // error kinds of failed attempts, per turn
    for (const row of summary.errorKinds as { turn: number; failed: Record<string, number> }[]) {
      const counts: Record<string, number> = {};
      for (const e of episodes) {
        const turn = e.turns.find((x) => x.index === row.turn - 1);
        if (turn && turn.publicVerdict !== "OK") counts[turn.publicVerdict] = (counts[turn.publicVerdict] ?? 0) + 1;
      }
      expect(Object.fromEntries(Object.entries(row.failed).filter(([, n]) => n > 0))).toEqual(counts);
    }
    expect(summary.episodes.total).toBe(4 * problems);
  }, 400_000);
});
