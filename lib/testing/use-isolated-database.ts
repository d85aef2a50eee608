import pg from "pg";
import { applyMigrations } from "../db/migrate";
import { env } from "../config/env";

/**
 * Move this test file (one Vitest fork) onto a database of its own, for tests whose worker processes
 * would otherwise pick up and resume the runs other test files leave queued in the shared one.
 * Call before the first getPrisma().
 */
export async function useIsolatedDatabase(): Promise<string> {
  const shared = env().DATABASE_URL;
  if (!shared) throw new Error("DATABASE_URL is not set (the Vitest global setup sets it)");
  const name = `rlef_iso_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: shared });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(shared);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  await applyMigrations(url.toString());
  return url.toString();
}
