import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey } from "./derive-key";

const VERSION = "v1";
const IV_BYTES = 12;

/**
 * AES-256-GCM with a fresh 96-bit IV per secret. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url),
 * so the format can change later without guessing. `context` (e.g. the endpoint's name) is bound as
 * associated data: a ciphertext copied onto another row does not decrypt there.
 */
export function encryptSecret(plaintext: string, context: string, key: Buffer = deriveKey("endpoint-api-keys")): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

export function decryptSecret(stored: string, context: string, key: Buffer = deriveKey("endpoint-api-keys")): string {
  const [version, iv, tag, body, ...rest] = stored.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined || rest.length) {
    throw new SecretDecryptionError(`stored secret for "${context}" is not in the ${VERSION} format`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(
      `stored secret for "${context}" does not decrypt: the secret key changed (RLEF_SECRET_KEY or .data/secret.key) or the row was altered`,
    );
  }
}
