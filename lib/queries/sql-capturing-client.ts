import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../db/generated/client";
import { HEAVY_COLUMNS } from "./heavy-columns";

export interface SqlCapturingClient {
  db: PrismaClient;
  /** SQL text of every statement sent since the last reset */
  statements: string[];
  reset(): void;
  close(): Promise<void>;
}

/**
 * A Prisma client whose pg connections record the SQL they send. Prisma's
 * query events are not available with driver adapters, so the tests and the
 * benchmark read the statements at the driver instead: the proof that list
 * queries never touch heavy columns is the SQL itself.
 */
export function createSqlCapturingClient(connectionString: string): SqlCapturingClient {
  const statements: string[] = [];
  const pool = new pg.Pool({ connectionString, max: 4 });
  pool.on("connect", (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
      const text = typeof config === "string" ? config : (config as { text?: string } | null)?.text;
      if (text) statements.push(text);
      return original(config, ...rest);
    };
  });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    db,
    statements,
    reset: () => void statements.splice(0),
    close: async () => {
      await db.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

/** Heavy columns (quoted identifiers) a SQL statement reads, e.g. `"testResults"`. */
export function heavyColumnsIn(sql: string, models: (keyof typeof HEAVY_COLUMNS)[] = ["Problem", "Turn"]): string[] {
  const names = new Set(models.flatMap((m) => HEAVY_COLUMNS[m] as readonly string[]));
  return [...sql.matchAll(/"(\w+)"/g)].map((m) => m[1]).filter((name, i, all) => names.has(name) && all.indexOf(name) === i);
}
