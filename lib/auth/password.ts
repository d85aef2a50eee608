import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import { env } from "../config/env";

// bcrypt cost 12: about 0.25 s per hash on one core here — slow for guessing, fine for a sign-in.
const COST = Number(env().RLEF_BCRYPT_COST ?? 12);
export const MIN_PASSWORD_LENGTH = 10;
// bcrypt reads only the first 72 bytes; longer passwords would silently lose their tail.
export const MAX_PASSWORD_BYTES = 72;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
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
