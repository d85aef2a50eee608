import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";

export const SUM_REFERENCE = "a, b = map(int, input().split())\nprint(a + b)";
export const SUM_WRONG = "a, b = map(int, input().split())\nprint(a - b)";

/**
 * A fresh dataset of small "print a+b" problems with unique names, so tests
 * sharing one database never see each other's rows.
 */
export async function createTestDataset(db: Db, opts: { problems: number; split?: string }) {
  const name = `test-${randomUUID().slice(0, 8)}`;
  const dataset = await db.dataset.create({ data: { name, source: "test", problemCount: opts.problems } });
  for (let i = 0; i < opts.problems; i++) {
    const pairs = [
      [1, 2],
      [i, 10],
      [-5, 5 + i],
      [100, i * 7],
    ];
    const tests = pairs.map(([a, b]) => ({ input: `${a} ${b}\n`, output: `${a + b}\n` }));
    await db.problem.create({
      data: {
        datasetId: dataset.id,
        externalId: `P${String(i).padStart(3, "0")}`,
        name: `Sum ${i}`,
        split: opts.split ?? "test",
        description: `Print the sum of two integers (${i}).\n\nExample: 1 2 -> 3`,
        publicTests: tests.slice(0, 1),
        privateTests: tests.slice(1),
        generatedTests: [],
        publicTestCount: 1,
        privateTestCount: tests.length - 1,
        timeLimitMs: 2000,
        referenceSolutions: [{ language: "python3", code: SUM_REFERENCE }],
        wrongSolutions: [{ language: "python3", code: SUM_WRONG }],
      },
    });
  }
  return { id: dataset.id, name };
}
