import PgBoss from "pg-boss";
import { jobPayloadSchemas, QUEUES, type JobPayload, type QueueName } from "./queues";
import { env } from "../config/env";

let bossPromise: Promise<PgBoss> | null = null;

// A run job can take hours; a dead worker is detected by the run lease
// (lib/runs/lease.ts), not by pg-boss expiry, so expiry is only a backstop.
const QUEUE_OPTIONS = { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 6 * 3600 };

/** The process-wide pg-boss client on the app's own Postgres (schema `pgboss`). */
export function getBoss(): Promise<PgBoss> {
  if (!bossPromise) {
    bossPromise = (async () => {
      const connectionString = env().DATABASE_URL;
      if (!connectionString) throw new Error("DATABASE_URL is not set");
      const boss = new PgBoss({ connectionString, schema: "pgboss", max: 4 });
      boss.on("error", (err) => console.error("[queue]", err));
      await boss.start();
      for (const name of Object.values(QUEUES)) {
        if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...QUEUE_OPTIONS });
      }
      return boss;
    })();
  }
  return bossPromise;
}

export async function stopBoss(): Promise<void> {
  if (!bossPromise) return;
  const boss = await bossPromise;
  bossPromise = null;
  await boss.stop({ graceful: false, wait: true });
}

/** Validate the payload against the queue's schema, then enqueue. */
export async function enqueue<Q extends QueueName>(queue: Q, payload: JobPayload<Q>): Promise<string | null> {
  const data = jobPayloadSchemas[queue].parse(payload);
  const boss = await getBoss();
  return boss.send(queue, data);
}
