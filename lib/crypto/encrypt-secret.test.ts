import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveKey } from "./derive-key";
import { decryptSecret, encryptSecret, SecretDecryptionError } from "./encrypt-secret";
import { parseSecretKey, readOrCreateKeyFile } from "./master-key";

const key = deriveKey("endpoint-api-keys", randomBytes(32));

describe("encryptSecret", () => {
  it("round-trips and never stores the plaintext", () => {
    const stored = encryptSecret("sk-live-abcdef123456", "ctx", key);
    expect(stored).not.toContain("sk-live");
    expect(stored.startsWith("v1.")).toBe(true);
    expect(decryptSecret(stored, "ctx", key)).toBe("sk-live-abcdef123456");
  });

  it("uses a fresh IV: the same secret encrypts differently each time", () => {
    expect(encryptSecret("same", "ctx", key)).not.toBe(encryptSecret("same", "ctx", key));
  });

  it("refuses a tampered ciphertext, another context and another key", () => {
    const stored = encryptSecret("secret", "ctx", key);
    const parts = stored.split(".");
    const body = Buffer.from(parts[3], "base64url");
    body[0] ^= 1;
    const tampered = [...parts.slice(0, 3), body.toString("base64url")].join(".");
    expect(() => decryptSecret(tampered, "ctx", key)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(stored, "other-ctx", key)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(stored, "ctx", deriveKey("endpoint-api-keys", randomBytes(32)))).toThrow(/secret key changed/);
    expect(() => decryptSecret("plain-text-key", "ctx", key)).toThrow(/format/);
  });

  it("derives independent keys per purpose", () => {
    const master = randomBytes(32);
    expect(deriveKey("session-cookie", master).equals(deriveKey("endpoint-api-keys", master))).toBe(false);
  });
});

describe("master key", () => {
  it("accepts base64 of 32 bytes or a long passphrase, and rejects short ones", () => {
    const raw = randomBytes(32);
    expect(parseSecretKey(raw.toString("base64"), "t").equals(raw)).toBe(true);
    expect(parseSecretKey("x".repeat(40), "t")).toHaveLength(32);
    expect(() => parseSecretKey("short", "RLEF_SECRET_KEY")).toThrow(/RLEF_SECRET_KEY.*32/);
  });

  it("creates the key file once with mode 0600 and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-key-"));
    const file = path.join(dir, "nested", "secret.key");
    let generated = 0;
    const make = () => {
      generated++;
      return randomBytes(32);
    };
    const first = readOrCreateKeyFile(file, make);
    const second = readOrCreateKeyFile(file, make);
    expect(first.equals(second)).toBe(true);
    expect(generated).toBe(1);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
