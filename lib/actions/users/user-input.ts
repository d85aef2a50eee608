import { z } from "zod";
import { ROLE_NAMES } from "../../auth/roles";
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH } from "../../auth/password";

export const roleInput = z.enum(ROLE_NAMES);

export const passwordInput = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .refine((p) => Buffer.byteLength(p, "utf8") <= MAX_PASSWORD_BYTES, `at most ${MAX_PASSWORD_BYTES} bytes (bcrypt ignores the rest)`);

export const emailInput = z.string().trim().toLowerCase().email("not an email address").max(320);
