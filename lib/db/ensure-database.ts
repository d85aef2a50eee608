import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { env } from "../config/env";

export interface DatabaseHandle {
  url: string;
  embedded: EmbeddedPostgresHandle | null;
  stop(): Promise<void>;
}

/**
 * The one way every process of ours gets a database: DATABASE_URL when set,
 * otherwise the project's embedded PostgreSQL (started, or joined when another
 * process already runs it). Sets process.env.DATABASE_URL and applies migrations.
 */
export async function ensureDatabase(
  opts: { migrate?: boolean; log?: (l: string) => void; detached?: boolean } = {},
): Promise<DatabaseHandle> {
  let url = env().DATABASE_URL;
  let embedded: EmbeddedPostgresHandle | null = null;
  if (!url) {
    const home = env().RLEF_HOME ?? process.cwd();
    embedded = await startEmbeddedPostgres({
      dataDir: env().RLEF_PG_DATA ?? path.join(home, ".data", "postgres"),
      port: Number(env().RLEF_PG_PORT ?? 54329),
      log: opts.log,
      detached: opts.detached,
    });
    url = embedded.url;
    process.env.DATABASE_URL = url;
  }
  if (opts.migrate !== false) await applyMigrations(url);
  return {
    url,
    embedded,
    stop: async () => {
      if (embedded?.owned) await embedded.stop();
    },
  };
}
