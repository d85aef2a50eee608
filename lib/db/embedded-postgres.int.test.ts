import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedPostgresUrl, ForeignServerError, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "./embedded-postgres";

// Real servers in throwaway data directories on free ports (issue 13.6).
const home = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-pg-identity-"));
fs.chmodSync(home, 0o755); // as root the server runs as `postgres`, which must reach its data directory
const servers: EmbeddedPostgresHandle[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const legacyUrl = (port: number) => `postgresql://rlef:rlef-local@127.0.0.1:${port}/rlef`;
const loginError = (url: string) =>
  query(url, "SELECT 1").then(
    () => null,
    (e: { code?: string }) => e.code,
  );

describe("the embedded PostgreSQL's password and identity", () => {
  const dataDir = path.join(home, "a");
  let port = 0;

  it("generates the password into the data directory (0600); the old constant does not log in", async () => {
    port = await freePort();
    const server = await startEmbeddedPostgres({ dataDir, port });
    servers.push(server);
    const file = path.join(dataDir, "rlef-password");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const password = fs.readFileSync(file, "utf8").trim();
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(server.url).toBe(`postgresql://rlef:${password}@127.0.0.1:${port}/rlef`);
    expect(embeddedPostgresUrl(dataDir, port)).toBe(server.url);
    expect(await query(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    expect(await loginError(legacyUrl(port))).toBe("28P01"); // password authentication failed
    const [{ comment }] = await query<{ comment: string }>(
      server.url,
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = 'rlef'",
    );
    expect(comment).toBe(`rlef-instance:${fs.readFileSync(path.join(dataDir, "rlef-instance"), "utf8").trim()}`);
  });

  it("joins its own running server, and refuses it when the database carries another identifier", async () => {
    const joined = await startEmbeddedPostgres({ dataDir, port });
    expect(joined).toMatchObject({ owned: false, url: servers[0].url });
    const url = servers[0].url;
    await query(url, "COMMENT ON DATABASE rlef IS 'rlef-instance:someone-else'");
    const refused = await startEmbeddedPostgres({ dataDir, port }).catch((e) => e);
    expect(refused).toBeInstanceOf(ForeignServerError);
    expect(refused.message).toMatch(/its database says it is rlef-instance:someone-else/);
    await query(url, "COMMENT ON DATABASE rlef IS NULL"); // unlabelled (as before identifiers): labelled again on join
    await startEmbeddedPostgres({ dataDir, port });
    const [{ comment }] = await query<{ comment: string }>(
      url,
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = 'rlef'",
    );
    expect(comment).toMatch(/^rlef-instance:[0-9a-f-]{36}$/);
  });

  it("migrates a data directory from before generated passwords, keeping its data", async () => {
    const url = servers[0].url;
    await query(url, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    // what an earlier version left: the constant password, no password or identifier file
    await query(url, "ALTER ROLE rlef WITH PASSWORD 'rlef-local'; COMMENT ON DATABASE rlef IS NULL");
    fs.rmSync(path.join(dataDir, "rlef-password"));
    fs.rmSync(path.join(dataDir, "rlef-instance"));
    await servers.pop()!.stop();

    const again = await startEmbeddedPostgres({ dataDir, port });
    servers.push(again);
    const password = fs.readFileSync(path.join(dataDir, "rlef-password"), "utf8").trim();
    expect(password).not.toBe("rlef-local");
    expect(fs.statSync(path.join(dataDir, "rlef-password")).mode & 0o777).toBe(0o600);
    expect(await query(again.url, "SELECT v FROM kept")).toEqual([{ v: 42 }]);
    expect(await loginError(legacyUrl(port))).toBe("28P01");
  });

  it("the CLI refuses another checkout's server on its port with a clear message and writes nothing there", async () => {
    const other = path.join(home, "other-checkout");
    const env: NodeJS.ProcessEnv = { ...process.env, RLEF_PG_DATA: other, RLEF_PG_PORT: String(port) };
    delete env.DATABASE_URL;
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ["bin/rlef.js", ...args], { env }).then(
        () => null,
        (e) => e as { code: number; stderr: string },
      );
    const fresh = await run(["db", "migrate"]);
    expect(fresh?.code).toBe(2);
    expect(fresh?.stderr).toMatch(
      new RegExp(`port ${port} is served by a PostgreSQL that is not this checkout's embedded server \\(${other}\\)`),
    );
    expect(fresh?.stderr).toMatch(/RLEF_PG_PORT/);
    // the other checkout has a data directory of its own, but its server is not the one listening
    const own = await freePort();
    const stopped = await startEmbeddedPostgres({ dataDir: other, port: own });
    await stopped.stop();
    const initialised = await run(["db", "migrate"]);
    expect(initialised?.stderr).toMatch(/no live postmaster\.pid for that port/);
    const tables = await query<{ n: string }>(servers[0].url, "SELECT count(*) AS n FROM pg_tables WHERE tablename = '_prisma_migrations'");
    expect(tables).toEqual([{ n: "0" }]);
  }, 90_000);
});
