import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { applyMigrations } from "../db/migrate";
import { env } from "../config/env";

/**
 * One real PostgreSQL for the whole Vitest run: the server in DATABASE_URL when
 * set (CI may point at one), else an embedded one under .data/test-postgres.
 * Each run gets its own fresh database, dropped at the end, so runs never see
 * each other's rows; tests inside a run use unique data instead of resets.
 */
export default async function setup() {
  const root = process.cwd();
  let baseUrl = env().RLEF_TEST_DATABASE_URL;
  let stopServer = async () => {};
  if (!baseUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(root, ".data", "test-postgres"),
      port: Number(env().RLEF_TEST_PG_PORT ?? 54339),
      detached: true,
    });
    baseUrl = server.url;
    if (server.owned) stopServer = server.stop;
  }
  const dbName = `rlef_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  process.env.DATABASE_URL = url.toString();
  await applyMigrations(url.toString(), root);

  return async () => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await client.end();
    await stopServer();
  };
}
