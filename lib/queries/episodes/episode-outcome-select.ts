import type { Prisma } from "../../db/generated/client";

/** An episode's identity and verdict: the narrowest row that still says how it went (side-by-side lists). */
export const episodeVerdictSelect = {
  id: true,
  runId: true,
  sampleIndex: true,
  status: true,
  solved: true,
  passedPublic: true,
  turnsUsed: true,
  firstErrorKind: true,
} satisfies Prisma.EpisodeSelect;

/** The verdict plus reward, when it solved and why it broke: what every episode list and detail view shows. */
export const episodeOutcomeSelect = {
  ...episodeVerdictSelect,
  finalReward: true,
  solvedAtTurn: true,
  invalidCode: true,
  error: true,
} satisfies Prisma.EpisodeSelect;
