import { z } from "zod";
import type { Db } from "../db/client";
import type { RandomFeedbackRequest } from "../episode/environment";
import type { FeedbackDonor } from "../episode/random-feedback";
import { createSeededRandom, randomInt } from "../metrics/seeded-random";
import { solutionSchema, testCaseSchema, type TestCase } from "../problems/problem-record";

// Our stored language names (lib/problems/codecontests-labels.ts): CodeContests' PYTHON (Python 2) is
// stored as "python2" and PYTHON3 as "python3"; our own JSONL says "python"/"py3" for Python 3.
const PYTHON3_NAMES = ["python3", "py3", "python"];
export const isPython3 = (language: string) => PYTHON3_NAMES.includes(language.trim().toLowerCase());

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface LoadedDonor {
  tests: TestCase[];
  timeLimitMs: number | null;
  memoryLimitBytes: number | null;
  wrong: { index: number; code: string }[];
}

/**
 * Donors for the random-feedback ablation (App. C.2): the other problems of the same dataset and split
 * that have public tests and at least one incorrect Python 3 solution (CodeContests' incorrect solutions
 * are mostly C++, Java and Python 2, which run as Python 3 would only give SyntaxErrors of foreign code).
 * The order is drawn per (problem, sample, turn) from `seed`, so a rerun shows the same feedback; each
 * donor's heavy columns are read only when it is drawn.
 */
export async function createRandomFeedbackSource(db: Db, opts: { datasetId: string; seed?: number }) {
  const rows = await db.$queryRaw<{ id: string; externalId: string; split: string }[]>`
    SELECT p.id, p."externalId", p.split FROM "Problem" p
    WHERE p."datasetId" = ${opts.datasetId} AND p."publicTestCount" > 0
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(p."wrongSolutions") s
                  WHERE lower(btrim(s->>'language')) IN (${PYTHON3_NAMES[0]}, ${PYTHON3_NAMES[1]}, ${PYTHON3_NAMES[2]}))
    ORDER BY p."externalId"`;
  const bySplit = new Map<string, { id: string; externalId: string }[]>();
  for (const r of rows) bySplit.set(r.split, [...(bySplit.get(r.split) ?? []), r]);
  const splitOf = new Map(rows.map((r) => [r.externalId, r.split]));
  const cache = new Map<string, LoadedDonor>();

  async function load(id: string): Promise<LoadedDonor> {
    const hit = cache.get(id);
    if (hit) return hit;
    const p = await db.problem.findUniqueOrThrow({
      where: { id },
      select: { publicTests: true, timeLimitMs: true, memoryLimitBytes: true, wrongSolutions: true },
    });
    const loaded: LoadedDonor = {
      tests: z.array(testCaseSchema).parse(p.publicTests),
      timeLimitMs: p.timeLimitMs,
      memoryLimitBytes: p.memoryLimitBytes,
      wrong: z
        .array(solutionSchema)
        .parse(p.wrongSolutions)
        .map((s, index) => ({ index, code: s.code, language: s.language }))
        .filter((s) => isPython3(s.language))
        .map(({ index, code }) => ({ index, code })),
    };
    if (cache.size >= 256) cache.delete(cache.keys().next().value!);
    cache.set(id, loaded);
    return loaded;
  }

  /** The problem's split is looked up by external id; a problem outside the dataset's donors still gets its split's donors. */
  return async function* donors(request: RandomFeedbackRequest & { split?: string }): AsyncGenerator<FeedbackDonor> {
    const key = request.problem.externalId;
    const split =
      request.split ??
      splitOf.get(key) ??
      (await db.problem.findUnique({ where: { id: request.problem.id }, select: { split: true } }))?.split;
    const candidates = (bySplit.get(split ?? "") ?? []).filter((c) => c.externalId !== key);
    const random = createSeededRandom(hash(`${opts.seed ?? 0}:${key}:${request.sampleIndex}:${request.turnIndex}`));
    // a lazy draw without replacement: only the donors actually tried are shuffled into place
    const order = candidates.slice();
    for (let i = 0; i < order.length; i++) {
      const j = i + randomInt(random, order.length - i);
      [order[i], order[j]] = [order[j], order[i]];
      const donor = await load(order[i].id);
      if (donor.wrong.length === 0) continue;
      const pick = donor.wrong[randomInt(random, donor.wrong.length)];
      yield {
        problem: order[i].externalId,
        solution: pick.index,
        code: pick.code,
        tests: donor.tests,
        timeLimitMs: donor.timeLimitMs,
        memoryLimitBytes: donor.memoryLimitBytes,
      };
    }
  };
}
