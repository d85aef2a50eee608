import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../config/env";

const KEY_BYTES = 32;

/** Where the generated key lives when RLEF_SECRET_KEY is not set: next to the embedded database's data. */
export function defaultKeyFilePath(): string {
  const { RLEF_SECRET_KEY_FILE, RLEF_HOME } = env();
  if (RLEF_SECRET_KEY_FILE) return path.resolve(RLEF_SECRET_KEY_FILE);
  return path.join(RLEF_HOME ?? process.cwd(), ".data", "secret.key");
}

/**
 * RLEF_SECRET_KEY may be 32 random bytes in base64 (what `openssl rand -base64 32` prints) or any
 * passphrase of at least 32 characters, hashed to 32 bytes.
 */
export function parseSecretKey(value: string, source: string): Buffer {
  const trimmed = value.trim();
  const decoded = /^[A-Za-z0-9+/]{43}=?$/.test(trimmed) ? Buffer.from(trimmed, "base64") : null;
  if (decoded && decoded.length === KEY_BYTES) return decoded;
  if (trimmed.length >= 32) return createHash("sha256").update(trimmed, "utf8").digest();
  throw new Error(
    `${source}: the secret key must be 32 bytes in base64 or a passphrase of at least 32 characters (got ${trimmed.length} characters)`,
  );
}

/**
 * Read the key file, creating it (mode 0600, exclusive create) when missing. The web app and the
 * worker start at the same time: whichever loses the exclusive create reads the winner's key.
 */
export function readOrCreateKeyFile(file: string, randomKey: () => Buffer): Buffer {
  try {
    return parseSecretKey(fs.readFileSync(file, "utf8"), file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, randomKey().toString("base64") + "\n", { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  // Re-read: a process that lost the race must use the winner's key, and the umask cannot widen 0600.
  fs.chmodSync(file, 0o600);
  return parseSecretKey(fs.readFileSync(file, "utf8"), file);
}

let cached: { source: string; key: Buffer } | null = null;

/** The one master key every at-rest secret and the session cookie key are derived from. */
export function getMasterKey(): Buffer {
  const fromEnv = env().RLEF_SECRET_KEY;
  const source = fromEnv ? "env:RLEF_SECRET_KEY" : `file:${defaultKeyFilePath()}`;
  if (cached?.source === source) return cached.key;
  const key = fromEnv
    ? parseSecretKey(fromEnv, "RLEF_SECRET_KEY")
    : readOrCreateKeyFile(defaultKeyFilePath(), () => randomBytes(KEY_BYTES));
  cached = { source, key };
  return key;
}
