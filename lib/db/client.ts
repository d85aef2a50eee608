import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "../config/env";

export type Db = PrismaClient;

const globalForPrisma = globalThis as unknown as { __rlefPrisma?: PrismaClient };

/** One client per process (Next's dev server re-evaluates modules, hence globalThis). */
export function getPrisma(): PrismaClient {
  if (!globalForPrisma.__rlefPrisma) {
    const connectionString = env().DATABASE_URL;
    if (!connectionString) {
      throw new Error("DATABASE_URL is not set: start through `npm start`, `npx rlef …` or set it to your Postgres server.");
    }
    const adapter = new PrismaPg({ connectionString, max: Number(env().RLEF_DB_POOL ?? 10) });
    globalForPrisma.__rlefPrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.__rlefPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.__rlefPrisma?.$disconnect();
  globalForPrisma.__rlefPrisma = undefined;
}
