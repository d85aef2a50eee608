import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { TEST_VIEW_COLUMNS, TEST_VIEW_JOINS } from "./test-view-sql";

export type TestList = "public" | "private" | "generated";

export interface TestRef {
  list: TestList;
  index: number;
}

export interface TestExcerpt extends TestRef {
  /**
   * "function": a function-call test (lib/function-tasks), shown as what feedback calls it: `input` is
   * the assert or call (`show`), `output` the expected value ("" for an assert).
   */
  kind: "stdio" | "function";
  input: string;
  output: string;
  /** full lengths, so the page can say what was cut */
  inputLength: number;
  outputLength: number;
}

export const testKey = (ref: TestRef) => `${ref.list}:${ref.index}`;

/**
 * Position in the judged test list → which stored list it came from. The
 * judge runs public ++ private (++ generated) in that order.
 */
export function locateJudgedTest(position: number, counts: { publicTestCount: number; privateTestCount: number }): TestRef {
  if (position < counts.publicTestCount) return { list: "public", index: position };
  if (position < counts.publicTestCount + counts.privateTestCount) return { list: "private", index: position - counts.publicTestCount };
  return { list: "generated", index: position - counts.publicTestCount - counts.privateTestCount };
}

/**
 * Inputs and expected outputs of specific tests, cut to `maxChars` in SQL: a
 * problem's test JSON can be megabytes, and the page needs a few excerpts.
 */
export async function getTestExcerpts(db: Db, problemId: string, refs: TestRef[], maxChars = 4000): Promise<Map<string, TestExcerpt>> {
  const result = new Map<string, TestExcerpt>();
  if (refs.length === 0) return result;
  const lists = refs.map((r) => r.list);
  const indexes = refs.map((r) => r.index);
  const rows = await db.$queryRaw<
    {
      list: TestList;
      index: number;
      isFunction: boolean;
      input: string | null;
      output: string | null;
      inputLength: number | null;
      outputLength: number | null;
    }[]
  >(Prisma.sql`
    SELECT r.list, r.idx AS "index", ${TEST_VIEW_COLUMNS(maxChars)}
    FROM "Problem" p
    CROSS JOIN LATERAL unnest(${lists}::text[], ${indexes}::int[]) AS r(list, idx)
    CROSS JOIN LATERAL (
      SELECT CASE r.list
        WHEN 'public' THEN p."publicTests" -> r.idx
        WHEN 'private' THEN p."privateTests" -> r.idx
        ELSE p."generatedTests" -> r.idx END AS test
    ) t
    ${TEST_VIEW_JOINS}
    WHERE p.id = ${problemId} AND t.test IS NOT NULL`);
  for (const row of rows) {
    const excerpt: TestExcerpt = {
      list: row.list,
      index: Number(row.index),
      kind: row.isFunction ? "function" : "stdio",
      input: row.input ?? "",
      output: row.output ?? "",
      inputLength: Number(row.inputLength ?? 0),
      outputLength: Number(row.outputLength ?? 0),
    };
    result.set(testKey(excerpt), excerpt);
  }
  return result;
}
