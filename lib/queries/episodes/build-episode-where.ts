import type { Prisma } from "../../db/generated/client";
import type { EpisodeFilters } from "./episode-filters";

/**
 * Prisma `where` for the episode table. Each single-column filter maps onto a
 * composite index `(runId, column, id)`; problem attributes and labels are
 * relation filters (semi-joins) because they live on other tables.
 */
export function buildEpisodeWhere(scope: { runId?: string; problemId?: string }, filters: EpisodeFilters): Prisma.EpisodeWhereInput {
  const where: Prisma.EpisodeWhereInput = {};
  if (scope.runId) where.runId = scope.runId;
  const problemId = scope.problemId ?? filters.problem;
  if (problemId) where.problemId = problemId;

  if (filters.outcome === "solved") where.solved = true;
  if (filters.outcome === "failed") where.solved = false;
  if (filters.outcome === "errored") where.status = "ERRORED";
  if (filters.public) where.passedPublic = filters.public === "yes";
  if (filters.turns !== undefined) where.turnsUsed = filters.turns;
  if (filters.error) where.firstErrorKind = filters.error;
  if (filters.invalid) where.invalidCode = filters.invalid === "yes";
  if (filters.difficulty) where.problem = { difficulty: filters.difficulty };
  if (filters.label) where.annotations = { some: { labels: { some: { name: filters.label } } } };
  return where;
}
