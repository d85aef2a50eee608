import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "../db/client";
import type { FeedbackDonor } from "../episode/random-feedback";
import type { EpisodeProblem } from "../episode/types";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../testing/fake-openai/start-fake-openai-server";
import { createEvalRun } from "./create-eval-run";
import { executeEvalRun } from "./execute-eval-run";
import { createRandomFeedbackSource } from "./random-feedback-source";

// The random-feedback ablation (App. C.2) against a real database and the real sandbox: donors are
// other problems of the same split with incorrect Python 3 solutions, run on their own public tests
// under their own limits.

const db = getPrisma();
const servers: FakeOpenAIServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function dataset() {
  const name = `rf-${randomUUID().slice(0, 8)}`;
  const ds = await db.dataset.create({ data: { name, source: "test" } });
  const add = (externalId: string, split: string, wrong: { language: string; code: string }[], extra: Record<string, unknown> = {}) =>
    db.problem.create({
      data: {
        datasetId: ds.id,
        externalId,
        name: externalId,
        split,
        description: `Problem ${externalId}: print the sum.`,
        publicTests: [{ input: `${externalId} 1 2\n`, output: "3\n" }],
        privateTests: [{ input: "x 2 2\n", output: "4\n" }],
        generatedTests: [],
        publicTestCount: 1,
        privateTestCount: 1,
        referenceSolutions: [],
        wrongSolutions: wrong,
        ...extra,
      },
    });
  const sum = "_, a, b = input().split()\nprint(int(a) + int(b))";
  await add("T-self", "test", [{ language: "python3", code: "print('self')" }]);
  // foreign languages only: never a donor
  await add("T-foreign", "test", [
    { language: "cpp", code: '#include <cstdio>\nint main() { puts("4"); }' },
    { language: "python2", code: "print 'x'" },
    { language: "java", code: "class A {}" },
  ]);
  // its only Python 3 incorrect solution passes its public tests: the next donor is tried
  await add("T-passes", "test", [
    { language: "cpp", code: "int main(){}" },
    { language: "python3", code: sum },
  ]);
  // fails, under its own time limit
  await add(
    "T-times-out",
    "test",
    [
      { language: "python2", code: "print 1" },
      { language: "python3", code: "while True: pass" },
    ],
    { timeLimitMs: 300 },
  );
  // another split: never a donor for the test split
  await add("R-train", "train", [{ language: "python3", code: "print(0)" }]);
  return ds;
}

const problemOf = (id: string, externalId: string): EpisodeProblem => ({
  id,
  externalId,
  description: "",
  publicTests: [],
  privateTests: [],
  generatedTests: [],
  timeLimitMs: null,
  memoryLimitBytes: null,
});

describe("random-feedback donors", () => {
  it("come from the same split, never the problem itself, and only as incorrect Python 3 solutions", async () => {
    const ds = await dataset();
    const self = await db.problem.findFirstOrThrow({ where: { datasetId: ds.id, externalId: "T-self" } });
    const source = await createRandomFeedbackSource(db, { datasetId: ds.id, seed: 3 });
    const seen = new Map<string, FeedbackDonor>();
    for (let turn = 0; turn < 30; turn++) {
      for await (const donor of source({
        problem: problemOf(self.id, self.externalId),
        sampleIndex: 0,
        turnIndex: turn,
        truncateChars: 2000,
        defaultLimits: { timeLimitMs: 10_000, memoryLimitBytes: 2 ** 30 },
      })) {
        seen.set(`${donor.problem}#${donor.solution}`, donor);
      }
    }
    expect([...seen.keys()].sort()).toEqual(["T-passes#1", "T-times-out#1"]);
    expect(seen.get("T-times-out#1")).toMatchObject({
      code: "while True: pass",
      timeLimitMs: 300,
      tests: [{ input: "T-times-out 1 2\n", output: "3\n" }],
    });
    // reproducible per (problem, sample, turn): the same order twice
    const order = async () => {
      const names: string[] = [];
      for await (const d of source({
        problem: problemOf(self.id, self.externalId),
        sampleIndex: 2,
        turnIndex: 1,
        truncateChars: 2000,
        defaultLimits: { timeLimitMs: 1, memoryLimitBytes: 1 },
      }))
        names.push(d.problem);
      return names;
    };
    expect(await order()).toEqual(await order());
  });

  it("give the model a real failure of an unrelated problem's wrong solution in an eval run", async () => {
    const ds = await dataset();
    const server = await startFakeOpenAIServer({ respond: () => "```python\nprint('nope')\n```" });
    servers.push(server);
    const run = await createEvalRun(db, {
      dataset: ds.name,
      split: "test",
      problems: ["T-self"],
      rolloutsPerProblem: 2,
      concurrency: 2,
      environment: { feedback: "random" },
      sampling: { seed: 5 },
      policy: { kind: "openai", baseUrl: server.baseUrl, model: "fake", maxRetries: 0 },
    });
    await executeEvalRun(db, run.id, {});
    const turns = await db.turn.findMany({ where: { episode: { runId: run.id } }, orderBy: [{ episodeId: "asc" }, { index: "asc" }] });
    const withFeedback = turns.filter((t) => t.feedback !== null);
    expect(withFeedback).toHaveLength(4);
    for (const t of withFeedback) {
      const source = t.feedbackSource as { kind: string; problem: string; solution: number; tries: number };
      // T-passes' Python 3 solution passes its tests: only T-times-out's can fail (T-foreign never runs)
      expect(source).toEqual({ kind: "donor", problem: "T-times-out", solution: 1, tries: expect.any(Number) });
      expect(t.feedback).toContain("- input `T-times-out 1 2\n` failed: Execution took too long.");
      expect(t.feedback).not.toMatch(/SyntaxError|T-self|R-train/);
    }
  }, 120_000);
});
