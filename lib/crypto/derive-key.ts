import { hkdfSync } from "node:crypto";
import { getMasterKey } from "./master-key";

/** Purposes get independent keys, so a leak of one (e.g. the cookie key) reveals nothing of another. */
export type KeyPurpose = "endpoint-api-keys" | "session-cookie";

export function deriveKey(purpose: KeyPurpose, master: Buffer = getMasterKey()): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `rlef-studio/${purpose}/v1`, 32));
}
