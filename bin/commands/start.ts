import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Command } from "commander";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { ensureDefaultLabels } from "../../lib/annotations/ensure-default-labels";
import { ensureAdminUser } from "../../lib/auth/ensure-admin-user";
import { disconnectPrisma, getPrisma } from "../../lib/db/client";
import { seedDemoData } from "../../lib/seed/seed-demo-data";
import { seedDemoRun } from "../../lib/seed/seed-demo-run";
import { stopBoss } from "../../lib/jobs/boss";
import { buildAppIfStale } from "../build-app";
import { restartPolicyFromEnv } from "../restart-policy";
import { onShutdown } from "../shutdown";
import { Supervisor } from "../supervisor";
import { env } from "../../lib/config/env";

const ROOT = process.cwd();

function spawnChild(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (line: string) => (line ? `[${name}] ${line}` : line);
  child.stdout?.on("data", (d: Buffer) => process.stdout.write(d.toString().split("\n").map(prefix).join("\n")));
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(d.toString().split("\n").map(prefix).join("\n")));
  return child;
}

/** Resolves once the child has been spawned (or rejects when it could not be). */
function spawned(child: ChildProcess): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    child.once("spawn", () => resolve(child));
    child.once("error", reject);
  });
}

export function startCommand(): Command {
  return new Command("start")
    .description(
      "start everything: database (embedded unless DATABASE_URL), migrations, demo data, web app and a worker; restarts a child that dies",
    )
    .option("-p, --port <port>", "web port", String(env().PORT ?? 3000))
    .option("--host <host>", "address to listen on", env().HOST ?? "127.0.0.1")
    .option("--no-worker", "web app only (run workers elsewhere with `npm run worker`)")
    .option("--no-demo", "do not load the demo dataset and demo run")
    .action(async (opts: { port: string; host: string; worker: boolean; demo: boolean }) => {
      const policy = restartPolicyFromEnv();
      console.log("[rlef] starting the database…");
      const db = await ensureDatabase({ migrate: true });
      console.log(`[rlef] database ready (${db.embedded ? "embedded PostgreSQL" : "DATABASE_URL"})`);
      const log = (l: string) => console.log(`[rlef] ${l}`);
      await ensureAdminUser(getPrisma(), log);
      await ensureDefaultLabels(getPrisma());
      if (opts.demo) {
        await seedDemoData({ log });
        await seedDemoRun(getPrisma(), log);
      }
      // the parent keeps no connections: only its children talk to the database from here on
      await stopBoss();
      await disconnectPrisma();
      await buildAppIfStale(ROOT, log);

      const env = { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1" };
      let exitCode = 0;
      const supervisor = new Supervisor(
        policy,
        (l) => console.error(`[rlef] ${l}`),
        () => {
          exitCode = 1; // a process manager above us sees the failure
          void shutdown("a child kept dying");
        },
      );
      const shutdown = onShutdown(
        async () => {
          await supervisor.stop();
          await db.stop();
        },
        () => exitCode,
      );
      const server = db.embedded?.server;
      if (server) {
        // the embedded Postgres: restarted like the others (crash recovery replays its WAL); the web
        // and the worker reconnect on their own, so they keep running while it is down
        await supervisor.add({ name: "database", stopSignal: "SIGINT", stopLast: true, start: () => server.respawn() }, server.child);
      }
      await supervisor.add({
        name: "web",
        start: () =>
          spawned(spawnChild("web", process.execPath, [path.join(ROOT, "bin", "web-server.js"), "-p", opts.port, "-H", opts.host], env)),
      });
      if (opts.worker) {
        await supervisor.add({
          name: "worker",
          start: () => spawned(spawnChild("worker", process.execPath, [path.join(ROOT, "bin", "rlef.js"), "worker"], env)),
        });
      }
      console.log(
        `[rlef] processes: ${Object.entries(supervisor.pids())
          .map(([name, pid]) => `${name} ${pid}`)
          .join(", ")}`,
      );
      console.log(`\n[rlef] RLEF Studio is running at http://${opts.host === "0.0.0.0" ? "localhost" : opts.host}:${opts.port}\n`);
    });
}
