import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { NEEDS_CHECKER_TAG } from "../problems/problem-record";

/**
 * Which tests a problem must have to be played. "training": public and private tests, the paper's
 * rule (§3.1 drops the 669 of 13,328 train problems that lack either). "evaluation": public tests and
 * at least one hidden test the run judges (private, or generated when those are judged). A problem
 * without them would stop at turn 1 without feedback or pass an empty hidden set: free reward.
 */
export type TestRequirement = { for: "training" } | { for: "evaluation"; judgeTests: "public+private+generated" | "public+private" };

function testsWhere(requirement: TestRequirement): Prisma.ProblemWhereInput {
  if (requirement.for === "training") return { publicTestCount: { gt: 0 }, privateTestCount: { gt: 0 } };
  return {
    publicTestCount: { gt: 0 },
    OR: [
      { privateTestCount: { gt: 0 } },
      ...(requirement.judgeTests === "public+private+generated" ? [{ generatedTestCount: { gt: 0 } }] : []),
    ],
  };
}

export function missingTestsText(requirement: TestRequirement): string {
  return requirement.for === "training" ? "public or private tests" : "public tests or hidden tests to judge";
}

/** The problems a run covers, in a stable order (light columns only). */
export async function selectRunProblems(
  db: Db,
  opts: { datasetId: string; split: string; problems?: string[]; limit?: number; requireTests?: TestRequirement },
): Promise<{ id: string; externalId: string }[]> {
  return db.problem
    .findMany({
      where: {
        ...scopeWhere(opts),
        ...(opts.requireTests ? testsWhere(opts.requireTests) : {}),
      },
      orderBy: { externalId: "asc" },
      take: opts.limit,
      select: { id: true, externalId: true, tags: true },
    })
    .then((problems) =>
      // imported but unjudgeable here (lib/benchmarks): never played, counted at import.
      // Filtered here, not in SQL: rows written without tags hold NULL, which `NOT has` would drop too.
      problems.filter((p) => !(p.tags ?? []).includes(NEEDS_CHECKER_TAG)).map(({ id, externalId }) => ({ id, externalId })),
    );
}

function scopeWhere(opts: { datasetId: string; split: string; problems?: string[] }): Prisma.ProblemWhereInput {
  return {
    datasetId: opts.datasetId,
    // "all": every problem of the dataset, whatever its split (createEvalRun allows it for one split only)
    ...(opts.split === "all" ? {} : { split: opts.split }),
    ...(opts.problems ? { externalId: { in: opts.problems } } : {}),
  };
}

/**
 * The problems of a split (or of the named ones) that lack the required tests: counted and named, so
 * the run can say what it dropped ("dropped 669 problems without public or private tests").
 */
export async function findProblemsMissingTests(
  db: Db,
  opts: { datasetId: string; split: string; problems?: string[]; requireTests: TestRequirement },
): Promise<{ count: number; examples: string[] }> {
  const where: Prisma.ProblemWhereInput = { ...scopeWhere(opts), NOT: testsWhere(opts.requireTests) };
  const [count, examples] = await Promise.all([
    db.problem.count({ where }),
    db.problem.findMany({ where, orderBy: { externalId: "asc" }, take: 10, select: { externalId: true } }),
  ]);
  return { count, examples: examples.map((e) => e.externalId) };
}

/** "dropped 3 problems without public or private tests (A, B, C)" — the notice a run stores and the CLI prints. */
export function droppedProblemsNotice(dropped: { count: number; examples: string[] }, requirement: TestRequirement): string | null {
  if (dropped.count === 0) return null;
  const names =
    dropped.examples.join(", ") + (dropped.count > dropped.examples.length ? `, … ${dropped.count - dropped.examples.length} more` : "");
  return `dropped ${dropped.count} problem${dropped.count === 1 ? "" : "s"} without ${missingTestsText(requirement)} (${names})`;
}

/** The distinct splits of a dataset, sorted. */
export async function listDatasetSplits(db: Db, datasetId: string): Promise<string[]> {
  const rows = await db.problem.groupBy({ by: ["split"], where: { datasetId } });
  return rows.map((r) => r.split).sort();
}
