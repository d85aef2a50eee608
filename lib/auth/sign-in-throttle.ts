import { env } from "../config/env";
import type { Db } from "../db/client";

/**
 * Sign-in throttle: a small Postgres-backed limiter rather than a library, because the app already
 * has one shared database (the limit then holds across restarts and several web processes) and the
 * rule is four lines of SQL; rate-limiter-flexible would bring its own table and a second pool.
 *
 * Two keys per attempt: the account (normalised email, known or not) and the client address. Each
 * key gets `free` attempts per window; every attempt past that must wait 2^(n − free) seconds
 * (capped), counted from the last one. The attempt is counted BEFORE the password is checked, in one
 * atomic upsert, so 20 parallel guesses cannot all slip through before the first one is recorded,
 * and a refused attempt costs no hashing. A successful sign-in clears the account's key and hands
 * back its own address attempt, so an office behind one address is limited by its failures only.
 */
export interface ThrottleRule {
  free: number;
  windowSeconds: number;
  maxDelaySeconds: number;
}

export function throttleRules(): { account: ThrottleRule; address: ThrottleRule } {
  const e = env();
  const windowSeconds = e.RLEF_SIGNIN_WINDOW_SECONDS ?? 15 * 60;
  const maxDelaySeconds = e.RLEF_SIGNIN_MAX_DELAY_SECONDS ?? 15 * 60;
  return {
    account: { free: e.RLEF_SIGNIN_FREE_PER_ACCOUNT ?? 5, windowSeconds, maxDelaySeconds },
    address: { free: e.RLEF_SIGNIN_FREE_PER_ADDRESS ?? 30, windowSeconds, maxDelaySeconds },
  };
}

export type ThrottleKey = { key: string; rule: ThrottleRule };

export function signInThrottleKeys(email: string, clientAddress: string | undefined): ThrottleKey[] {
  const rules = throttleRules();
  const keys: ThrottleKey[] = [{ key: `account:${email}`, rule: rules.account }];
  // no address outside a web request (the CLI, tests calling the action directly)
  if (clientAddress) keys.push({ key: `address:${clientAddress}`, rule: rules.address });
  return keys;
}

/** Seconds to wait before the next attempt, or 0 when this attempt may go ahead (and is now counted). */
async function reserveOne(db: Db, { key, rule }: ThrottleKey, now: Date): Promise<number> {
  // $2 is "now" in UTC (the columns are timestamp without time zone, as Prisma writes them).
  // blockedUntil says when the NEXT attempt may come; it is recomputed from the new count in the
  // same statement, so concurrent attempts serialise on the row lock and each sees the last count.
  const fresh = `t."windowStart" <= $2::timestamp(3) - make_interval(secs => $4)`;
  const count = `(CASE WHEN ${fresh} THEN 1 ELSE t.attempts + 1 END)`;
  const rows = await db.$queryRawUnsafe<{ counted: boolean; wait: number | null }[]>(
    `WITH upsert AS (
       INSERT INTO "SignInThrottle" AS t (key, attempts, "windowStart", "blockedUntil")
       VALUES ($1, 1, $2::timestamp(3), CASE WHEN 1 >= $3 THEN $2::timestamp(3) + make_interval(secs => LEAST(power(2, 1 - $3), $5)) END)
       ON CONFLICT (key) DO UPDATE SET
         attempts = ${count},
         "windowStart" = CASE WHEN ${fresh} THEN $2::timestamp(3) ELSE t."windowStart" END,
         "blockedUntil" = CASE WHEN ${count} >= $3 THEN $2::timestamp(3) + make_interval(secs => LEAST(power(2, ${count} - $3), $5)) END
       WHERE t."blockedUntil" IS NULL OR t."blockedUntil" <= $2::timestamp(3)
       RETURNING true AS counted
     )
     SELECT counted, NULL::float8 AS wait FROM upsert
     UNION ALL
     SELECT false, EXTRACT(EPOCH FROM ("blockedUntil" - $2::timestamp(3)))::float8
       FROM "SignInThrottle" WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM upsert)`,
    key,
    now.toISOString(),
    rule.free,
    rule.windowSeconds,
    rule.maxDelaySeconds,
  );
  const row = rows[0];
  if (!row || row.counted) return 0;
  return Math.max(1, Math.ceil(Number(row.wait ?? 1)));
}

/**
 * Count this attempt against every key, or say how long to wait. When one key refuses, the others
 * are not counted (a blocked account does not also use up its address's allowance).
 */
export async function reserveSignInAttempt(
  db: Db,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const counted: ThrottleKey[] = [];
  for (const key of keys) {
    const wait = await reserveOne(db, key, now);
    if (wait > 0) {
      await refund(db, counted);
      return { allowed: false, retryAfterSeconds: wait };
    }
    counted.push(key);
  }
  return { allowed: true };
}

async function refund(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const { key } of keys) {
    await db.$executeRawUnsafe(`UPDATE "SignInThrottle" SET attempts = GREATEST(attempts - 1, 0) WHERE key = $1`, key);
  }
}

/** After a correct password: the account starts afresh; the address gets its attempt back. */
export async function recordSignInSuccess(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const { key, rule } of keys) {
    if (key.startsWith("account:")) await db.signInThrottle.deleteMany({ where: { key } });
    // below the free allowance again: no wait applies to the next attempt
    else
      await db.$executeRawUnsafe(
        `UPDATE "SignInThrottle" SET attempts = GREATEST(attempts - 1, 0), "blockedUntil" = CASE WHEN attempts - 1 < $2 THEN NULL ELSE "blockedUntil" END WHERE key = $1`,
        key,
        rule.free,
      );
  }
}
