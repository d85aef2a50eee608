import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { TestExcerpt, TestList } from "../episodes/get-test-excerpts";
import { TEST_VIEW_COLUMNS, TEST_VIEW_JOINS } from "../episodes/test-view-sql";

const COLUMN: Record<TestList, Prisma.Sql> = {
  public: Prisma.sql`"publicTests"`,
  private: Prisma.sql`"privateTests"`,
  generated: Prisma.sql`"generatedTests"`,
};

/**
 * A slice of one of a problem's test lists, each input/output cut to
 * `maxChars` in SQL (CodeContests problems can carry hundreds of large tests).
 */
export async function listProblemTests(
  db: Db,
  problemId: string,
  list: TestList,
  opts: { offset?: number; limit?: number; maxChars?: number } = {},
): Promise<TestExcerpt[]> {
  const offset = Math.max(0, opts.offset ?? 0);
  const limit = Math.max(1, Math.min(100, opts.limit ?? 10));
  const maxChars = opts.maxChars ?? 2000;
  const rows = await db.$queryRaw<
    {
      index: bigint | number;
      isFunction: boolean;
      input: string | null;
      output: string | null;
      inputLength: number | null;
      outputLength: number | null;
    }[]
  >(Prisma.sql`
    SELECT (t.ord - 1) AS "index", ${TEST_VIEW_COLUMNS(maxChars)}
    FROM "Problem" p
    CROSS JOIN LATERAL jsonb_array_elements(p.${COLUMN[list]}) WITH ORDINALITY AS t(test, ord)
    ${TEST_VIEW_JOINS}
    WHERE p.id = ${problemId}
    ORDER BY t.ord
    OFFSET ${offset} LIMIT ${limit}`);
  return rows.map((r) => ({
    list,
    index: Number(r.index),
    kind: r.isFunction ? ("function" as const) : ("stdio" as const),
    input: r.input ?? "",
    output: r.output ?? "",
    inputLength: Number(r.inputLength ?? 0),
    outputLength: Number(r.outputLength ?? 0),
  }));
}
