import { EXCLUSION_REASONS, type EpisodeOutcome, type ExclusionReason } from "./types";

export type ExclusionCounts = Record<ExclusionReason, number>;

const NAMES: Record<ExclusionReason, [one: string, many: string]> = {
  endpoint_error: ["endpoint error", "endpoint errors"],
  sandbox_error: ["sandbox error", "sandbox errors"],
  other: ["other error", "other errors"],
};

/** Errored episodes by reason: what every metric leaves out. */
export function countExclusions(episodes: readonly EpisodeOutcome[]): ExclusionCounts {
  const counts = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as ExclusionCounts;
  for (const e of episodes) if (e.errored) counts[e.exclusion ?? "other"]++;
  return counts;
}

/**
 * The sentence shown beside each metric (issue 10.11): "3 episodes excluded: 2 endpoint errors,
 * 1 sandbox error"; null when nothing was excluded.
 */
export function exclusionText(counts: ExclusionCounts): string | null {
  const total = EXCLUSION_REASONS.reduce((s, r) => s + counts[r], 0);
  if (total === 0) return null;
  const parts = EXCLUSION_REASONS.filter((r) => counts[r] > 0).map((r) => `${counts[r]} ${NAMES[r][counts[r] === 1 ? 0 : 1]}`);
  return `${total} episode${total === 1 ? "" : "s"} excluded: ${parts.join(", ")}`;
}
