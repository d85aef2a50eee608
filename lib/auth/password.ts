import { env } from "../config/env";
import { randomBytes, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { bcryptCompareInWorker, scryptInWorker } from "./password-worker";
import { HashSlots } from "./hash-slots";

export const MIN_PASSWORD_LENGTH = 10;
// bcrypt reads only the first 72 bytes; the limit stays so old and new hashes accept the same passwords.
export const MAX_PASSWORD_BYTES = 72;

/**
 * New hashes are scrypt (node:crypto, on a worker thread of lower priority: ./password-worker.ts):
 * N = 2^15, r = 8, p = 1 is 32 MiB and about 0.1 s per hash here — OWASP's recommended minimum
 * for scrypt. RLEF_SCRYPT_LOG_N lowers it for tests. Stored as `scrypt$<logN>$<r>$<p>$<salt>$<key>`
 * (base64url). Hashes made before (bcrypt, `$2…`) still verify, on the same threads, and are
 * rewritten as scrypt at the next successful sign-in (needsRehash).
 */
const LOG_N = Number(env().RLEF_SCRYPT_LOG_N ?? 15);
const R = 8;
const P = 1;
const KEY_BYTES = 32;

const slots = new HashSlots();

function scryptAsync(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r * p };
  return scryptInWorker(password.normalize("NFC"), salt, KEY_BYTES, options);
}

export function hashPassword(password: string): Promise<string> {
  return slots.run(async () => {
    const salt = randomBytes(16);
    const key = await scryptAsync(password, salt, LOG_N, R, P);
    return `scrypt$${LOG_N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
  });
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return slots.run(async () => {
    if (hash.startsWith("$2")) return bcryptCompareInWorker(password, hash);
    const parts = hash.split("$");
    if (parts.length !== 6 || parts[0] !== "scrypt") return false;
    const [logN, r, p] = parts.slice(1, 4).map(Number);
    if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 20) return false;
    const expected = Buffer.from(parts[5], "base64url");
    const actual = await scryptAsync(password, Buffer.from(parts[4], "base64url"), logN, r, p);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
}

/** Whether a hash that just verified should be replaced by one with today's algorithm and cost. */
export function needsRehash(hash: string): boolean {
  return !hash.startsWith(`scrypt$${LOG_N}$${R}$${P}$`);
}

/** A password for a new account that the admin hands over once (~120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

// A hash of a random password: comparing against it when the email is unknown costs the same time
// as a real check, so response time does not reveal which emails have accounts.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(generatePassword());
  return dummyHash;
}
