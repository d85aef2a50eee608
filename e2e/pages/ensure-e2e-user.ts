import pg from "pg";
import { hashPassword } from "../../lib/auth/password";

export interface E2eCredentials {
  email: string;
  password: string;
}

/** The database the app under test uses: DATABASE_URL, else the embedded server `npm start` runs. */
export function e2eDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? `postgresql://rlef:rlef-local@127.0.0.1:${process.env.RLEF_PG_PORT ?? 54329}/rlef`;
}

/**
 * Credentials for the dashboard tests. E2E_EMAIL / E2E_PASSWORD when given
 * (any existing account); otherwise a dedicated viewer account is created or
 * reset in the app's database — viewer is all the dashboard needs, and it
 * never touches the admin whose password `npm start` printed once.
 */
export async function ensureE2eUser(): Promise<E2eCredentials> {
  if (process.env.E2E_EMAIL && process.env.E2E_PASSWORD) return { email: process.env.E2E_EMAIL, password: process.env.E2E_PASSWORD };
  const credentials = { email: "e2e-viewer@localhost", password: "e2e-viewer-password" };
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const hash = await hashPassword(credentials.password);
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role) VALUES ($1, $2, 'E2E viewer', $3, 'VIEWER')
       ON CONFLICT (email) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash"`,
      [`e2e-viewer-${Date.now().toString(36)}`, credentials.email, hash],
    );
  } finally {
    await client.end();
  }
  return credentials;
}
