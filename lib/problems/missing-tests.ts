import type { Db } from "../db/client";

export type TestList = "public" | "private" | "generated";

/** How many problems lack which tests: what the import summary and the dataset page show (issue 10.4). */
export interface MissingTestsSummary {
  problems: number;
  noPublic: number;
  noPrivate: number;
  noGenerated: number;
  /** lacking public or private tests: the problems training drops (the paper's §3.1 rule) */
  noPublicOrPrivate: number;
  /** the problems lacking public or private tests, by name, with what they lack (first 20) */
  examples: { externalId: string; missing: TestList[] }[];
}

const EXAMPLES = 20;

/** From records about to be imported (or any list of problems with their tests). */
export function summarizeMissingTests(
  problems: readonly {
    externalId: string;
    publicTests: readonly unknown[];
    privateTests: readonly unknown[];
    generatedTests: readonly unknown[];
  }[],
): MissingTestsSummary {
  const summary: MissingTestsSummary = {
    problems: problems.length,
    noPublic: 0,
    noPrivate: 0,
    noGenerated: 0,
    noPublicOrPrivate: 0,
    examples: [],
  };
  for (const p of problems) {
    const missing: TestList[] = [];
    if (p.publicTests.length === 0) {
      summary.noPublic++;
      missing.push("public");
    }
    if (p.privateTests.length === 0) {
      summary.noPrivate++;
      missing.push("private");
    }
    if (p.generatedTests.length === 0) summary.noGenerated++;
    if (missing.length) {
      summary.noPublicOrPrivate++;
      if (summary.examples.length < EXAMPLES) summary.examples.push({ externalId: p.externalId, missing });
    }
  }
  return summary;
}

/** The same counts for a stored dataset, per split, from the test-count columns (no heavy column read). */
export async function countMissingTests(db: Db, datasetId: string): Promise<(MissingTestsSummary & { split: string })[]> {
  const rows = await db.$queryRaw<
    { split: string; problems: bigint; noPublic: bigint; noPrivate: bigint; noGenerated: bigint; noPublicOrPrivate: bigint }[]
  >`
    SELECT split,
      count(*) AS problems,
      count(*) FILTER (WHERE "publicTestCount" = 0) AS "noPublic",
      count(*) FILTER (WHERE "privateTestCount" = 0) AS "noPrivate",
      count(*) FILTER (WHERE "generatedTestCount" = 0) AS "noGenerated",
      count(*) FILTER (WHERE "publicTestCount" = 0 OR "privateTestCount" = 0) AS "noPublicOrPrivate"
    FROM "Problem" WHERE "datasetId" = ${datasetId} GROUP BY split ORDER BY split`;
  const examples = await db.problem.findMany({
    where: { datasetId, OR: [{ publicTestCount: 0 }, { privateTestCount: 0 }] },
    orderBy: { externalId: "asc" },
    take: EXAMPLES,
    select: { externalId: true, split: true, publicTestCount: true, privateTestCount: true },
  });
  return rows.map((r) => ({
    split: r.split,
    problems: Number(r.problems),
    noPublic: Number(r.noPublic),
    noPrivate: Number(r.noPrivate),
    noGenerated: Number(r.noGenerated),
    noPublicOrPrivate: Number(r.noPublicOrPrivate),
    examples: examples
      .filter((e) => e.split === r.split)
      .map((e) => ({
        externalId: e.externalId,
        missing: [...(e.publicTestCount === 0 ? ["public" as const] : []), ...(e.privateTestCount === 0 ? ["private" as const] : [])],
      })),
  }));
}

/** "2 of 10 problems lack public or private tests (training drops them): A (no private tests), …" or null. */
export function formatMissingTests(s: MissingTestsSummary): string | null {
  const lines: string[] = [];
  if (s.noPublicOrPrivate > 0) {
    const named = s.examples.map((e) => `${e.externalId} (no ${e.missing.join(" or ")} tests)`).join(", ");
    const more = s.noPublicOrPrivate > s.examples.length ? `, … ${s.noPublicOrPrivate - s.examples.length} more` : "";
    lines.push(`${s.noPublicOrPrivate} of ${s.problems} problems lack public or private tests (training drops them): ${named}${more}`);
  }
  const counts = [`${s.noPublic} without public tests`, `${s.noPrivate} without private tests`, `${s.noGenerated} without generated tests`];
  if (s.noPublic || s.noPrivate || s.noGenerated) lines.push(`missing tests: ${counts.join(", ")}`);
  return lines.length ? lines.join("\n") : null;
}
