/**
 * When `rlef start` restarts a child that died (a crash, kill -9, the OOM killer): exponential backoff,
 * reset once the child has stayed up for a while, and a limit on rapid restarts after which the parent
 * gives up and exits non-zero, so a crash loop (a broken build, a bad config) ends with a message
 * instead of spinning forever, and a process manager above us (systemd, Docker) takes over.
 */
export interface RestartPolicy {
  /** delay before the first restart */
  initialDelayMs: number;
  /** the backoff doubles up to this */
  maxDelayMs: number;
  /** a child that ran at least this long before dying counts as healthy: the backoff starts over */
  healthyAfterMs: number;
  /** restarts in a row (each after less than healthyAfterMs of life) before giving up; 0 = never restart */
  maxRapidRestarts: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
  maxRapidRestarts: 10,
};

/** The policy with RLEF_RESTART_LIMIT (rapid restarts before giving up; 0 = exit at once) applied. */
export function restartPolicyFromEnv(env: Record<string, string | undefined> = process.env): RestartPolicy {
  const raw = env.RLEF_RESTART_LIMIT;
  if (raw === undefined || raw === "") return DEFAULT_RESTART_POLICY;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`RLEF_RESTART_LIMIT must be a whole number ≥ 0, got "${raw}"`);
  return { ...DEFAULT_RESTART_POLICY, maxRapidRestarts: limit };
}

export type RestartDecision = { restart: true; delayMs: number; attempt: number } | { restart: false; attempt: number };

/**
 * `rapidRestarts` is how many restarts in a row came before this death (0 for the first), `ranForMs`
 * how long the child that just died had been up. Returns the decision and the new count in `attempt`.
 */
export function decideRestart(policy: RestartPolicy, rapidRestarts: number, ranForMs: number): RestartDecision {
  const previous = ranForMs >= policy.healthyAfterMs ? 0 : rapidRestarts;
  const attempt = previous + 1;
  if (attempt > policy.maxRapidRestarts) return { restart: false, attempt };
  const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
  return { restart: true, delayMs, attempt };
}
