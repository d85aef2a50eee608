import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Who the embedded server is, and how we prove it.
 *
 * - The password of the `rlef` role is generated at initdb time into `<data>/rlef-password` (0600, like
 *   `.data/secret.key`). It used to be a constant in this repository, so any local user could connect
 *   as the database superuser and make themselves admin.
 * - `<data>/rlef-instance` holds a random identifier, also written into the database as the comment
 *   of the `rlef` database. Before joining a server that already listens on the port, the CLI checks
 *   that this data directory's postmaster.pid names a live server on that port and that the server
 *   carries our identifier; otherwise it refuses (it used to join whatever listened on the default
 *   port, another checkout's server included, and apply migrations there).
 */
export const DB_NAME = "rlef";
export const DB_USER = "rlef";
/** The constant of earlier versions: only ever used to log in once and replace it. */
const LEGACY_PASSWORD = "rlef-local";
const PASSWORD_FILE = "rlef-password";
const INSTANCE_FILE = "rlef-instance";
const COMMENT_PREFIX = "rlef-instance:";

export class ForeignServerError extends Error {
  constructor(port: number, dataDir: string, why: string) {
    super(
      `port ${port} is served by a PostgreSQL that is not this checkout's embedded server (${dataDir}): ${why}. ` +
        "Nothing was written to it. Stop that server, set RLEF_PG_PORT to a free port for ours, " +
        "or set DATABASE_URL to use that server on purpose.",
    );
    this.name = "ForeignServerError";
  }
}

export function passwordFile(dataDir: string): string {
  return path.join(dataDir, PASSWORD_FILE);
}

export function generatePassword(): string {
  return randomBytes(24).toString("base64url"); // URL-safe: goes into DATABASE_URL as is
}

/** The stored password, or null for a data directory from before passwords were generated. */
export function readPassword(dataDir: string): string | null {
  try {
    return fs.readFileSync(passwordFile(dataDir), "utf8").trim() || null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

function writePrivate(file: string, text: string): void {
  fs.writeFileSync(file, `${text}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // the umask cannot widen 0600, but an existing file keeps its mode
}

export function connectionUrl(port: number, password: string, database = DB_NAME): string {
  return `postgresql://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** After initdb: the password it was given, and a fresh identifier. */
export function recordNewServer(dataDir: string, password: string): void {
  writePrivate(passwordFile(dataDir), password);
  writePrivate(path.join(dataDir, INSTANCE_FILE), randomUUID());
}

function instanceId(dataDir: string): string {
  const file = path.join(dataDir, INSTANCE_FILE);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    const id = randomUUID(); // a data directory from before identifiers
    writePrivate(file, id);
    return id;
  }
}

/**
 * Is the server on `port` the one running `dataDir`? Postgres keeps its pid and port in the data
 * directory's postmaster.pid (lines 1 and 4) while it runs.
 */
export function dataDirServesPort(dataDir: string, port: number): boolean {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return false;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || Number(lines[3]) !== port) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // alive, owned by another user (postgres)
  }
}

async function tryConnect(url: string): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (err) {
    await client.end().catch(() => {});
    if ((err as { code?: string }).code === "28P01") return null; // wrong password
    throw err;
  }
}

/**
 * The password to use for the running server of `dataDir`, migrating a data directory from before
 * generated passwords: log in once with the old constant, set a generated password, store it.
 * The new password is written to `rlef-password.new` before ALTER ROLE and renamed after, so a crash
 * in between leaves a password that still works.
 */
export async function ensurePassword(dataDir: string, port: number, log?: (line: string) => void): Promise<string> {
  const stored = readPassword(dataDir);
  if (stored) return stored;
  const pending = path.join(dataDir, `${PASSWORD_FILE}.new`);
  const candidates = [fs.existsSync(pending) ? fs.readFileSync(pending, "utf8").trim() : null, LEGACY_PASSWORD].filter(Boolean) as string[];
  for (const candidate of candidates) {
    const client = await tryConnect(connectionUrl(port, candidate, "postgres"));
    if (!client) continue;
    try {
      const fresh = generatePassword();
      writePrivate(pending, fresh);
      await client.query(`ALTER ROLE ${DB_USER} WITH PASSWORD ${client.escapeLiteral(fresh)}`);
      fs.renameSync(pending, passwordFile(dataDir));
      log?.(`replaced the embedded PostgreSQL's built-in password with a generated one (${passwordFile(dataDir)})`);
      return fresh;
    } finally {
      await client.end();
    }
  }
  throw new Error(
    `${dataDir} has no ${PASSWORD_FILE} and the server on port ${port} refuses the old built-in password: ` +
      `put the rlef role's password into ${passwordFile(dataDir)} (mode 0600), or set DATABASE_URL`,
  );
}

/**
 * Check (joining) or set (a server we just started) the identifier the `rlef` database carries.
 * Joining refuses a server that carries another identifier, or none while ours is on record.
 */
export async function checkIdentity(dataDir: string, port: number, password: string, mode: "join" | "claim"): Promise<void> {
  const id = instanceId(dataDir);
  let client: pg.Client | null;
  try {
    client = await tryConnect(connectionUrl(port, password));
  } catch (err) {
    if (mode === "join")
      throw new ForeignServerError(port, dataDir, `it does not accept this checkout's database (${(err as Error).message})`);
    throw err;
  }
  if (!client) throw new ForeignServerError(port, dataDir, "it refuses this checkout's generated password");
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()",
    );
    const comment = rows[0]?.comment ?? null;
    if (comment === `${COMMENT_PREFIX}${id}`) return;
    if (comment?.startsWith(COMMENT_PREFIX) || (mode === "join" && comment !== null)) {
      throw new ForeignServerError(port, dataDir, `its database says it is ${comment}, ours is ${COMMENT_PREFIX}${id}`);
    }
    // ours but not yet labelled (just created, or from before identifiers): label it
    await client.query(`COMMENT ON DATABASE ${DB_NAME} IS ${client.escapeLiteral(`${COMMENT_PREFIX}${id}`)}`);
  } finally {
    await client.end();
  }
}
