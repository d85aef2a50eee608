import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { problemListSelect } from "../datasets/list-dataset-problems";

/** Problem page header and statement; tests and solutions are read in slices by their own queries. */
export const problemDetailSelect = {
  ...problemListSelect,
  description: true,
  createdAt: true,
  dataset: { select: { id: true, name: true } },
} satisfies Prisma.ProblemSelect;

export type ProblemDetail = Prisma.ProblemGetPayload<{ select: typeof problemDetailSelect }>;

export function getProblem(db: Db, problemId: string): Promise<ProblemDetail | null> {
  return db.problem.findUnique({ where: { id: problemId }, select: problemDetailSelect });
}
