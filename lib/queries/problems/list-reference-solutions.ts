import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";

export interface ReferenceSolution {
  language: string;
  code: string;
  codeLength: number;
}

/**
 * The first few reference solutions, Python first (the language episodes use),
 * each cut to `maxChars`; plus how many there are in all.
 */
export async function listReferenceSolutions(
  db: Db,
  problemId: string,
  opts: { limit?: number; maxChars?: number } = {},
): Promise<{ total: number; solutions: ReferenceSolution[] }> {
  const limit = opts.limit ?? 3;
  const maxChars = opts.maxChars ?? 20_000;
  const rows = await db.$queryRaw<{ total: number; language: string | null; code: string | null; codeLength: number | null }[]>(Prisma.sql`
    SELECT jsonb_array_length(p."referenceSolutions")::int AS total,
      s.sol->>'language' AS language,
      left(s.sol->>'code', ${maxChars}) AS code,
      length(s.sol->>'code') AS "codeLength"
    FROM "Problem" p
    LEFT JOIN LATERAL (
      SELECT sol FROM jsonb_array_elements(p."referenceSolutions") WITH ORDINALITY AS e(sol, ord)
      ORDER BY (lower(sol->>'language') LIKE 'python%') DESC, ord
      LIMIT ${limit}
    ) s ON true
    WHERE p.id = ${problemId}`);
  const total = rows[0]?.total ?? 0;
  const solutions = rows
    .filter((r) => r.code !== null)
    .map((r) => ({ language: r.language ?? "unknown", code: r.code ?? "", codeLength: Number(r.codeLength ?? 0) }));
  return { total: Number(total), solutions };
}
