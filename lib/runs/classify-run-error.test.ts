import net from "node:net";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../config/config-error";
import { evalRunConfigSchema } from "../config/run-config";
import { PrismaClient } from "../db/generated/client";
import { createTrainerClient } from "../trainer-api/trainer-client";
import { classifyRunError } from "./classify-run-error";

/** A loopback port nobody listens on: every error below is the real one, not a constructed copy. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error("expected a failure");
}

describe("the job failure policy: transient errors are retried", () => {
  it("a database that refuses connections (Prisma P1001)", async () => {
    const port = await closedPort();
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://u:p@127.0.0.1:${port}/x` }) });
    const err = await caught(() => db.run.count());
    expect(classifyRunError(err)).toMatchObject({ kind: "transient", reason: expect.stringContaining("P1001") });
    await db.$disconnect();
  });

  it("a raw pg connection refused (pg-boss, migrations)", async () => {
    const client = new pg.Client({ connectionString: `postgresql://u:p@127.0.0.1:${await closedPort()}/x` });
    const err = await caught(() => client.connect());
    expect(classifyRunError(err)).toMatchObject({ kind: "transient", reason: expect.stringContaining("ECONNREFUSED") });
  });

  it("a fetch that cannot connect, a request that timed out, a trainer that is down", async () => {
    const port = await closedPort();
    expect(classifyRunError(await caught(() => fetch(`http://127.0.0.1:${port}/`)))).toMatchObject({ kind: "transient" });
    const hang = net.createServer(() => {}); // accepts and never answers
    await new Promise<void>((resolve) => hang.listen(0, "127.0.0.1", resolve));
    const hangPort = (hang.address() as net.AddressInfo).port;
    const timeout = await caught(() => fetch(`http://127.0.0.1:${hangPort}/`, { signal: AbortSignal.timeout(50) }));
    expect(classifyRunError(timeout)).toMatchObject({ kind: "transient", reason: expect.stringContaining("timed out") });
    hang.close();
    const trainer = await caught(() => createTrainerClient(`http://127.0.0.1:${port}`).status());
    expect(classifyRunError(trainer)).toMatchObject({ kind: "transient", reason: expect.stringContaining("trainer unavailable") });
  });

  it("Postgres shutting down, out of connections, or a serialisation conflict (by SQLSTATE)", () => {
    // the driver adapter's shape for a terminated backend, as Prisma raised it (see run-leased.int.test.ts for the live one)
    const terminated = Object.assign(new Error("Raw query failed. Code: `57P01`"), {
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "57P01", kind: "postgres" } } },
    });
    expect(classifyRunError(terminated)).toMatchObject({ kind: "transient", reason: expect.stringContaining("57P01") });
    for (const code of ["08006", "53300", "40001", "40P01"])
      expect(classifyRunError(Object.assign(new Error("x"), { code })).kind).toBe("transient");
  });
});

describe("the job failure policy: config and data errors fail the run with the reason", () => {
  it("a stored config the schema refuses", () => {
    const zod = evalRunConfigSchema.safeParse({ policy: { kind: "nope" }, dataset: "" }).error!;
    const failure = classifyRunError(zod);
    expect(failure.kind).toBe("fatal");
    expect(failure.reason).toMatch(/^invalid stored data: policy/);
    expect(failure.reason).toContain("dataset");
  });

  it("a config validation error, a SQL error of ours, a bug", () => {
    expect(classifyRunError(new ConfigValidationError({ split: ["no problems"] }))).toEqual({
      kind: "fatal",
      reason: "invalid run config: split: no problems",
    });
    const missingTable = Object.assign(new Error("relation does not exist"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { originalCode: "42P01", kind: "TableDoesNotExist" } } },
    });
    expect(classifyRunError(missingTable).kind).toBe("fatal");
    expect(classifyRunError(Object.assign(new Error("not found"), { code: "P2025" })).kind).toBe("fatal");
    const bug = classifyRunError(new TypeError("cannot read properties of undefined"));
    expect(bug.kind).toBe("fatal");
    expect(bug.reason).toContain("TypeError: cannot read properties of undefined");
  });
});
