import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "../db/client";
import { PrismaClient } from "../db/generated/client";
import { createTestDataset } from "../testing/create-test-dataset";
import { createEvalRun } from "./create-eval-run";
import { executeEvalRun } from "./execute-eval-run";
import { runLeased } from "./run-leased";

const db = getPrisma();
let dataset: { id: string; name: string };
// a second client whose connection the test terminates, as a Postgres restart would
const victim = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1, application_name: "rlef-run-leased-victim" }),
});

beforeAll(async () => {
  dataset = await createTestDataset(db, { problems: 1 });
});
afterAll(() => victim.$disconnect());

/** A handler that hits the real error of a database connection terminated mid-query (SQLSTATE 57P01). */
async function terminatedMidQuery(): Promise<void> {
  // a Prisma query starts when it is awaited or then'd, not when it is built
  const query = victim.$queryRaw`SELECT 1 AS one FROM pg_sleep(5)`.then(() => undefined);
  // its rejection is awaited below; handled now, so a termination while the loop still polls is not "unhandled"
  query.catch(() => {});
  for (let i = 0; i < 50; i++) {
    const killed = await db.$queryRaw<{ ok: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
      WHERE application_name = 'rlef-run-leased-victim' AND state = 'active'`;
    if (killed.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await query;
}

async function newRun() {
  return createEvalRun(db, { policy: { kind: "demo" }, dataset: dataset.name });
}

describe("runLeased applies the job failure policy", () => {
  it("rethrows a database outage for pg-boss to retry, leaving the run RUNNING and its lease free", async () => {
    const run = await newRun();
    await db.run.update({ where: { id: run.id }, data: { status: "RUNNING" } });
    await expect(runLeased(run.id, "w1", terminatedMidQuery, { retry: { count: 0, limit: 5 } })).rejects.toThrow(/57P01/);
    expect(await db.run.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "RUNNING", error: null, leaseOwner: null });
  });

  it("fails the run with the reason once the retries are spent", async () => {
    const run = await newRun();
    await expect(runLeased(run.id, "w1", terminatedMidQuery, { retry: { count: 5, limit: 5 } })).resolves.toBe("done");
    const failed = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(/database unavailable \(SQLSTATE 57P01\).*gave up after 6 attempts/s);
  });

  it("fails a run whose stored config is invalid at once, with the reason, never retried", async () => {
    const run = await newRun();
    await db.run.update({ where: { id: run.id }, data: { config: { policy: { kind: "nope" }, dataset: dataset.name } } });
    const outcome = await runLeased(run.id, "w1", ({ signal }) => executeEvalRun(db, run.id, { signal }), {
      retry: { count: 0, limit: 5 },
    });
    expect(outcome).toBe("done");
    const failed = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(/^invalid stored data: policy/);
  });
});
