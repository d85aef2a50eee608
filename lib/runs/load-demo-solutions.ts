import { z } from "zod";
import type { Db } from "../db/client";
import type { DemoSolutions } from "../policy/demo-policy";
import { solutionSchema, type Solution } from "../problems/problem-record";

const solutionsSchema = z.array(solutionSchema);
const isPython = (s: Solution) => /python|py3|^3$/i.test(s.language);

/** Reference and wrong Python solutions of the given problems, for the demo policy. */
export async function loadDemoSolutions(db: Db, problemIds: string[]): Promise<Map<string, DemoSolutions>> {
  const rows = await db.problem.findMany({
    where: { id: { in: problemIds } },
    select: { id: true, referenceSolutions: true, wrongSolutions: true },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      {
        reference: solutionsSchema
          .parse(r.referenceSolutions)
          .filter(isPython)
          .map((s) => s.code),
        wrong: solutionsSchema
          .parse(r.wrongSolutions)
          .filter(isPython)
          .map((s) => s.code),
      },
    ]),
  );
}
