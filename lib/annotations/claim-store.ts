/**
 * Who is reviewing which episode. One reviewer per episode at a time, across every queue (two
 * queues can hold the same episode). A claim expires unless renewed, so a reviewer who closes the
 * tab frees the item. Skips are per reviewer and per queue, for this session only.
 */
export interface ClaimStore {
  /** true when the episode is now claimed by userId (it was free, expired, or already theirs) */
  claim(episodeId: string, userId: string, now: number): boolean;
  release(episodeId: string, userId: string): void;
  holder(episodeId: string, now: number): string | undefined;
  /** episodes that other reviewers hold right now */
  claimedByOthers(userId: string, now: number): string[];
  skip(queueKey: string, episodeId: string, userId: string): void;
  skippedBy(queueKey: string, userId: string): string[];
  /** the item a reviewer is on in a queue, so a reload shows the same episode */
  setCurrent(queueKey: string, userId: string, episodeId: string | undefined): void;
  current(queueKey: string, userId: string): string | undefined;
}

export const CLAIM_TTL_MS = 10 * 60_000;

/**
 * Claims in the memory of the web process. Correct for the one Next server `rlef start` runs; with
 * several web processes, claims move to the AnnotationQueueItem table (lib/annotations/README-schema.md).
 */
export function createMemoryClaimStore(ttlMs = CLAIM_TTL_MS): ClaimStore {
  const claims = new Map<string, { userId: string; expiresAt: number }>();
  const skips = new Map<string, Set<string>>();
  const currents = new Map<string, string>();
  const live = (episodeId: string, now: number) => {
    const claim = claims.get(episodeId);
    if (claim && claim.expiresAt <= now) {
      claims.delete(episodeId);
      return undefined;
    }
    return claim;
  };
  return {
    claim(episodeId, userId, now) {
      const current = live(episodeId, now);
      if (current && current.userId !== userId) return false;
      claims.set(episodeId, { userId, expiresAt: now + ttlMs });
      return true;
    },
    release(episodeId, userId) {
      if (claims.get(episodeId)?.userId === userId) claims.delete(episodeId);
    },
    holder: (episodeId, now) => live(episodeId, now)?.userId,
    claimedByOthers(userId, now) {
      const held: string[] = [];
      for (const episodeId of [...claims.keys()]) {
        const claim = live(episodeId, now);
        if (claim && claim.userId !== userId) held.push(episodeId);
      }
      return held;
    },
    skip(queueKey, episodeId, userId) {
      const key = `${queueKey}\u0000${userId}`;
      if (!skips.has(key)) skips.set(key, new Set());
      skips.get(key)!.add(episodeId);
    },
    skippedBy: (queueKey, userId) => [...(skips.get(`${queueKey}\u0000${userId}`) ?? [])],
    setCurrent(queueKey, userId, episodeId) {
      if (episodeId) currents.set(`${queueKey}\u0000${userId}`, episodeId);
      else currents.delete(`${queueKey}\u0000${userId}`);
    },
    current: (queueKey, userId) => currents.get(`${queueKey}\u0000${userId}`),
  };
}

const globalForClaims = globalThis as unknown as { __rlefClaimStore?: ClaimStore };

/** The process-wide store (globalThis: Next's dev server re-evaluates modules). */
export function getClaimStore(): ClaimStore {
  globalForClaims.__rlefClaimStore ??= createMemoryClaimStore();
  return globalForClaims.__rlefClaimStore;
}
