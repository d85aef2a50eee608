import type { Db } from "../db/client";
import { normalizeEmail } from "./authenticate-user";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from "./password";
import { env } from "../config/env";

export interface EnsureAdminResult {
  created: boolean;
  email: string;
  /** only when created with a generated password: shown once, stored nowhere */
  generatedPassword?: string;
}

/**
 * First start: when no admin exists, create one. The password is RLEF_ADMIN_PASSWORD when set, else
 * generated and printed once through `log` (it is stored only as a bcrypt hash). The email is
 * RLEF_ADMIN_EMAIL or admin@localhost. A no-op once any admin exists, so it runs on every start.
 */
export async function ensureAdminUser(db: Db, log: (line: string) => void = console.log): Promise<EnsureAdminResult> {
  const email = normalizeEmail(env().RLEF_ADMIN_EMAIL || "admin@localhost");
  const existing = await db.user.findFirst({ where: { role: "ADMIN" }, select: { email: true } });
  if (existing) return { created: false, email: existing.email };

  const fromEnv = env().RLEF_ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`RLEF_ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const password = fromEnv ?? generatePassword();
  const passwordHash = await hashPassword(password);
  // upsert: an account with that email may exist as a non-admin; it is promoted and its password reset.
  await db.user.upsert({
    where: { email },
    create: { email, name: "Admin", passwordHash, role: "ADMIN" },
    update: { passwordHash, role: "ADMIN" },
  });
  if (fromEnv !== undefined) {
    log(`created admin ${email} with the password from RLEF_ADMIN_PASSWORD`);
    return { created: true, email };
  }
  log(`created admin ${email} — password (shown once, write it down): ${password}`);
  return { created: true, email, generatedPassword: password };
}
