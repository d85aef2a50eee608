import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "../lib/db/client";
import { formatNoFeedbackMessage } from "../lib/feedback/format-feedback";
import { seedDemoData } from "../lib/seed/seed-demo-data";

const NO_FEEDBACK = formatNoFeedbackMessage();

const db = getPrisma();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const rlef = (args: string[]) =>
  promisify(execFile)(process.execPath, ["bin/rlef.js", ...args], { env: process.env, maxBuffer: 16 * 1024 * 1024 });

describe("npx rlef eval --dataset demo --policy demo --rollouts 4 --inline --json", () => {
  beforeAll(async () => {
    await seedDemoData();
  });

  it("plays 4 episodes per problem and prints a summary that the stored episodes reproduce", async () => {
    const { stdout, stderr } = await rlef(["eval", "--dataset", "demo", "--policy", "demo", "--rollouts", "4", "--inline", "--json"]);
    const summary = JSON.parse(stdout);
    // the demo dataset holds train, valid and test: without --split the test split, said so, never all mixed
    // (this test counted all 32 problems before: that mixing was the bug)
    expect(summary.split).toBe("test");
    expect(stderr).toContain('no --split given: evaluating split "test"');
    const problems = await db.problem.count({ where: { dataset: { name: "demo" }, split: "test" } });
    expect(problems).toBeGreaterThanOrEqual(6);
    const episodes = await db.episode.findMany({
      where: { runId: summary.runId },
      select: { problemId: true, solved: true, solvedAtTurn: true, status: true, turns: { select: { index: true, publicVerdict: true } } },
    });
    expect(episodes).toHaveLength(4 * problems);
    expect(episodes.every((e) => e.status === "COMPLETED")).toBe(true);

    // 1@3 and pass@1: the mean over problems of the fraction of rollouts solved
    const byProblem = new Map<string, typeof episodes>();
    for (const e of episodes) byProblem.set(e.problemId, [...(byProblem.get(e.problemId) ?? []), e]);
    const perProblem = (f: (e: (typeof episodes)[number]) => boolean) =>
      mean([...byProblem.values()].map((es) => es.filter(f).length / es.length));
    expect(summary.oneAtThree.value).toBeCloseTo(
      perProblem((e) => !!e.solved),
      10,
    );
    expect(summary.passAt1.value).toBeCloseTo(summary.oneAtThree.value, 10);
    for (const ci of [summary.oneAtThree.intervals.rollout, summary.oneAtThree.intervals.problem]) {
      expect(ci.lower).toBeLessThanOrEqual(summary.oneAtThree.value);
      expect(ci.upper).toBeGreaterThanOrEqual(summary.oneAtThree.value);
    }
    // solve rate after each turn
    for (const t of [1, 2, 3]) {
      const row = summary.solveRateByTurn.find((r: { turn: number }) => r.turn === t);
      expect(row.rate).toBeCloseTo(
        perProblem((e) => e.solvedAtTurn !== null && e.solvedAtTurn <= t),
        10,
      );
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

  it("--feedback none (App. B.5): every episode uses all turns; the JSON has both interval kinds, the exclusions and the sampling", async () => {
    const { stdout } = await rlef([
      "eval",
      "--dataset",
      "demo",
      "--policy",
      "demo",
      "--feedback",
      "none",
      "--rollouts",
      "2",
      "--inline",
      "--json",
    ]);
    const summary = JSON.parse(stdout);
    const episodes = await db.episode.findMany({
      where: { runId: summary.runId },
      select: { status: true, turnsUsed: true, turns: { orderBy: { index: "asc" }, select: { feedback: true, extractionRule: true } } },
    });
    expect(episodes.length).toBeGreaterThan(0);
    for (const e of episodes) {
      expect(e.status).toBe("COMPLETED");
      expect(e.turnsUsed).toBe(3);
      // the follow-up is only "Give it another try." and the instruction, a reply without code included
      expect(e.turns.map((t) => t.feedback)).toEqual([NO_FEEDBACK, NO_FEEDBACK, null]);
    }
    expect(summary.turnLimit).toBe(3);
    expect(summary.oneAtThree.intervals.rollout).toMatchObject({
      method: "rollout",
      label: "rollout bootstrap (paper, App. B.1)",
      resamples: 200,
    });
    expect(summary.oneAtThree.intervals.problem).toMatchObject({ method: "problem", label: "problem bootstrap", resamples: 200 });
    expect(summary.episodes.excluded).toEqual({ endpoint_error: 0, sandbox_error: 0, other: 0 });
    expect(summary.episodes.excludedText).toBeNull();
    expect(summary.sampling).toEqual({ temperature: 0.2, topP: 0.95, fromModel: false });
    for (const n of summary.nAtK) expect(typeof n.temperature).toBe("number");
    // every reply still ran on the public tests, for the per-turn analysis: solved after turn 1 and 2 is 0
    expect(summary.solveRateByTurn.slice(0, 2).map((t: { rate: number }) => t.rate)).toEqual([0, 0]);
  }, 400_000);

  it("--protocol paper-1at3 is checked: a flag that contradicts it is refused, nothing runs", async () => {
    const before = await db.run.count();
    const refused = await rlef([
      "eval",
      "--dataset",
      "demo",
      "--split",
      "test",
      "--policy",
      "demo",
      "--protocol",
      "paper-1at3",
      "--temperature",
      "1",
      "--inline",
      "--json",
    ]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused?.code).toBe(2);
    expect(refused?.stderr).toContain("sampling.temperature: paper-1at3 fixes this to 0.2, got 1");
    expect(await db.run.count()).toBe(before);
  }, 120_000);
});
