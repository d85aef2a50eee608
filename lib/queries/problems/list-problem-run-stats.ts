import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

export const problemRunStatSelect = {
  episodes: true,
  solved: true,
  passedPublic: true,
  errored: true,
  run: {
    select: {
      id: true,
      name: true,
      kind: true,
      status: true,
      policyLabel: true,
      createdAt: true,
      checkpoint: { select: { id: true, step: true, runId: true, run: { select: { name: true } } } },
    },
  },
} satisfies Prisma.ProblemRunStatSelect;

export type ProblemRunStatRow = Prisma.ProblemRunStatGetPayload<{ select: typeof problemRunStatSelect }>;

/** One pre-aggregated row per run that attempted this problem, newest run first. */
export function listProblemRunStats(db: Db, problemId: string): Promise<ProblemRunStatRow[]> {
  return db.problemRunStat.findMany({
    where: { problemId },
    select: problemRunStatSelect,
    orderBy: { run: { createdAt: "desc" } },
    take: 500,
  });
}
