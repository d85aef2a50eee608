import { z } from "zod";

/**
 * Every environment variable the code reads, in one zod schema, with what it means and its default.
 * Code reads them through `env()`, never `process.env.X` (a test checks: lib/config/env.test.ts);
 * the README's configuration tables are generated from ENV_VARS (`npm run gen:env-docs`).
 *
 * `env()` parses process.env on each call (microseconds), so a value a test or `ensureDatabase`
 * sets later is seen; a bad value fails with the variable's name, not as NaN somewhere downstream.
 */
export type EnvGroup = "runtime" | "development";

interface EnvVar<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** what it does (Markdown, one line) */
  doc: string;
  /** the default as a reader should see it (Markdown) */
  shown: string;
  group: EnvGroup;
}

const text = () => z.string().optional();
/** A whole number ≥ min; an empty string counts as unset. */
const whole = (min: number) => z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(min).optional());
const port = () => z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).optional());
const url = () => z.preprocess((v) => (v === "" ? undefined : v), z.url().optional());

const v = <S extends z.ZodType>(group: EnvGroup, schema: S, doc: string, shown: string): EnvVar<S> => ({ schema, doc, shown, group });

export const ENV_VARS = {
  DATABASE_URL: v("runtime", url(), "use this PostgreSQL server instead of the embedded one", "embedded, `.data/postgres`"),
  RLEF_HOME: v("runtime", text(), "folder whose `.data/` holds the embedded database and the secret key", "the working directory"),
  RLEF_PG_PORT: v("runtime", port(), "port of the embedded PostgreSQL", "`54329`"),
  RLEF_PG_DATA: v("runtime", text(), "data directory of the embedded PostgreSQL", "`.data/postgres`"),
  RLEF_DB_POOL: v("runtime", whole(1), "database connections per process", "`10`"),
  PORT: v("runtime", port(), "where the web app listens (`rlef start --port`)", "`3000`"),
  HOST: v("runtime", text(), "address the web app listens on (`rlef start --host`)", "`127.0.0.1`"),
  RLEF_WORKER_RUNS: v("runtime", whole(1), "runs one worker drives at once", "`2`"),
  RLEF_LEASE_MS: v(
    "runtime",
    whole(1),
    "a run's lease: a dead worker's runs are resumed this long after its last heartbeat (a sixth of it)",
    "`30000`",
  ),
  RLEF_PYTHON: v("runtime", text(), "interpreter that runs submissions (inside the sandbox)", "`/usr/bin/python3`"),
  RLEF_BWRAP: v("runtime", text(), "the bubblewrap executable", "`bwrap` on `PATH`"),
  RLEF_SANDBOX_CONCURRENCY: v("runtime", whole(1), "submissions judged at once per worker", "number of cores"),
  RLEF_SANDBOX_UID_BASE: v(
    "runtime",
    whole(1),
    "first of the unprivileged uids the sandbox slots run as",
    "`61000` (see `lib/sandbox/README.md`)",
  ),
  RLEF_SANDBOX_TMPDIR: v("runtime", text(), "where the sandbox's per-slot work folders go", "the system temp folder"),
  RLEF_ADMIN_EMAIL: v("runtime", text(), "the first admin's email", "`admin@localhost`"),
  RLEF_ADMIN_PASSWORD: v("runtime", text(), "the first admin's password (at least 10 characters)", "generated and printed once"),
  RLEF_SECRET_KEY: v(
    "runtime",
    text(),
    "master key (base64, 32 bytes) that encrypts stored API keys and seals sessions",
    "generated into `.data/secret.key`",
  ),
  RLEF_SECRET_KEY_FILE: v("runtime", text(), "file holding the master key, when not `RLEF_SECRET_KEY`", "`.data/secret.key`"),
  RLEF_SESSION_SECRET: v(
    "runtime",
    text(),
    "seals session cookies instead of a key derived from the master key (at least 32 characters)",
    "derived from the master key",
  ),
  RLEF_SECURE_COOKIES: v("runtime", text(), "`1` when the app is served over TLS (cookies marked Secure)", "off"),
  RLEF_RESTART_LIMIT: v(
    "runtime",
    whole(0),
    "restarts in a row of a dying child before `npm start` gives up and exits 1 (`0`: exit 1 at the first death)",
    "`10`",
  ),
  RLEF_SANDBOX_CGROUPS: v(
    "runtime",
    text(),
    "`off`: no memory/pids cgroup per sandbox slot (reported loudly at start and in each run's config)",
    "on when writable",
  ),
  RLEF_SANDBOX_CGROUP_ROOT: v("runtime", text(), "where the cgroup hierarchies are mounted", "`/sys/fs/cgroup`"),
  RLEF_IMPORT_MAX_DECOMPRESSED_MB: v("runtime", whole(1), "import: most bytes a compressed file may expand to", "`4096`"),
  RLEF_IMPORT_MAX_RECORD_MB: v("runtime", whole(1), "import: largest JSONL line / record", "`128`"),
  RLEF_IMPORT_MAX_ROW_GROUP_MB: v("runtime", whole(1), "import: largest Parquet row group, decompressed", "`256`"),
  RLEF_IMPORT_MAX_TIME_LIMIT_MS: v("runtime", whole(1), "import: time limits above this are lowered to it (and reported)", "`60000`"),
  RLEF_IMPORT_MAX_MEMORY_LIMIT_MB: v("runtime", whole(1), "import: memory limits above this are lowered to it (and reported)", "`4096`"),
  RLEF_UPLOAD_MAX_BYTES: v("runtime", whole(1), "largest dataset file the web upload accepts (`rlef import` has no cap)", "2 GiB"),
  RLEF_MAX_BODY_BYTES: v("runtime", whole(1), "largest request body anywhere else (refused before Next reads it)", "8 MiB"),
  RLEF_TRUST_PROXY: v("runtime", text(), "`1` behind a reverse proxy: the client address is the last `X-Forwarded-For` hop", "off"),
  RLEF_SIGNIN_FREE_PER_ACCOUNT: v("runtime", whole(0), "sign-in attempts per account per window before the backoff starts", "`5`"),
  RLEF_SIGNIN_FREE_PER_ADDRESS: v("runtime", whole(0), "sign-in attempts per client address per window before the backoff starts", "`30`"),
  RLEF_SIGNIN_WINDOW_SECONDS: v(
    "runtime",
    whole(1),
    "the sign-in throttle's window: attempts older than this no longer count",
    "`900` (15 min)",
  ),
  RLEF_SIGNIN_MAX_DELAY_SECONDS: v("runtime", whole(1), "longest wait the sign-in backoff (2^n seconds) grows to", "`900` (15 min)"),
  RLEF_SIGNIN_REFUSAL_DELAY_MS: v("runtime", whole(0), "longest a throttled sign-in is held before its refusal is sent", "`5000`"),
  RLEF_SCRYPT_LOG_N: v("runtime", whole(1), "scrypt cost of new password hashes (log2 N; tests lower it)", "`15`"),
  NODE_ENV: v("runtime", text(), "set by Next (`production` under `npm start`)", "per command"),
  RLEF_BCRYPT_COST: v("runtime", whole(4), "bcrypt cost of password hashes (tests lower it)", "`12`"),

  RLEF_TEST_DATABASE_URL: v(
    "development",
    url(),
    "tests use this PostgreSQL server instead of an embedded one",
    "embedded, `.data/test-postgres`",
  ),
  RLEF_TEST_PG_PORT: v("development", port(), "port of the tests' embedded PostgreSQL", "`54339`"),
  E2E_PORT: v("development", port(), "port of the app the end-to-end tests start", "`3123`"),
  E2E_BASE_URL: v("development", url(), "run the end-to-end tests against this running app instead", "starts one"),
  RLEF_E2E_PG_DATA: v("development", text(), "data directory of the end-to-end tests' database", "`.data/e2e/postgres`"),
  E2E_CHROMIUM: v("development", text(), "the browser the end-to-end tests drive", "`/usr/bin/chromium`"),
  E2E_ADMIN_EMAIL: v("development", text(), "with `E2E_ADMIN_PASSWORD`: sign the end-to-end tests in as this account", "a test account"),
  E2E_ADMIN_PASSWORD: v("development", text(), "see `E2E_ADMIN_EMAIL`", "—"),
  CI: v("development", text(), "set on CI: never reuse an app already listening on `E2E_PORT`", "unset"),
  RLEF_HOSTILE_MARGIN_MS: v("development", whole(0), "slack the hostile-program tests allow over each limit", "`100`"),
  BENCH_BASE_URL: v("development", url(), "benchmarks: use this PostgreSQL server", "embedded"),
  BENCH_RUNS: v(
    "development",
    whole(1),
    "benchmarks: runs seeded (`compare-scale.ts`: `20`, `scale-dashboard.ts`: `200`)",
    "per benchmark",
  ),
  BENCH_APP_URL: v("development", url(), "`bench/scale-dashboard.ts`: measure this running app", "starts one"),
  BENCH_APP_MODE: v(
    "development",
    text(),
    "`bench/scale-dashboard.ts`: `production` or `development`, how the app at `BENCH_APP_URL` was built",
    "`production`",
  ),
  BENCH_PORT: v("development", port(), "`bench/scale-dashboard.ts`: port of the app it starts", "`3917`"),
  BENCH_RENDER_RUNS: v("development", whole(1), "`bench/scale-dashboard.ts`: page renders measured", "`10`"),
  RLEF_SHARED_DATASETS: v(
    "development",
    text(),
    "folder of the real benchmark files (HumanEval+, MBPP+, HumanEval, MBPP) tests and benchmarks read; tests that need them are skipped without it",
    "`../shared/datasets`",
  ),
  RLEF_BENCHMARK_FULL: v("development", text(), "`1`: the EvalPlus test judges every canonical solution on every plus input", "a sample"),
  RLEF_REDIRECT_TEST_KEY: v("development", text(), "set by the endpoint-redirect test for the API key it checks is never re-posted", "—"),
  RLEF_TEST_LOG: v("development", text(), "`1`: the fault-injection test prints `rlef start`'s output", "off"),
  BENCH_PAGE_LOADS: v("development", whole(1), "`bench/sign-in-flood.ts`: page loads measured per phase", "per benchmark"),
  BENCH_PG_DATA: v("development", text(), "`bench/sign-in-flood.ts`: data directory of its database", "a temp folder"),
  BENCH_PG_PORT: v("development", port(), "`bench/sign-in-flood.ts`: port of its database", "a free port"),
  CHROMIUM_PATH: v("development", text(), "`bench/scale-render.ts`: the browser", "`/usr/bin/chromium`"),
} as const;

type Vars = typeof ENV_VARS;
export type Env = { [K in keyof Vars]: z.output<Vars[K]["schema"]> };

export const envSchema = z.object(
  Object.fromEntries(Object.entries(ENV_VARS).map(([name, spec]) => [name, spec.schema])) as { [K in keyof Vars]: Vars[K]["schema"] },
);

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(`invalid environment: ${issues.map((i) => `${i.variable}: ${i.message}`).join("; ")}`);
    this.name = "EnvError";
  }
}

/** The environment, validated. Throws EnvError naming each bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })));
  }
  return parsed.data as Env;
}

export const env = (): Env => readEnv(process.env);
