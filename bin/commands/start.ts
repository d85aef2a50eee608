import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Command } from "commander";
import { ensureDatabase } from "../../lib/db/ensure-database";
import { ensureDefaultLabels } from "../../lib/annotations/ensure-default-labels";
import { ensureAdminUser } from "../../lib/auth/ensure-admin-user";
import { getPrisma } from "../../lib/db/client";
import { seedDemoData } from "../../lib/seed/seed-demo-data";
import { seedDemoRun } from "../../lib/seed/seed-demo-run";
import { stopBoss } from "../../lib/jobs/boss";
import { buildAppIfStale } from "../build-app";
import { onShutdown } from "../shutdown";
import { env } from "../../lib/config/env";

const ROOT = process.cwd();

function spawnChild(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (line: string) => (line ? `[${name}] ${line}` : line);
  child.stdout?.on("data", (d: Buffer) => process.stdout.write(d.toString().split("\n").map(prefix).join("\n")));
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(d.toString().split("\n").map(prefix).join("\n")));
  return child;
}

export function startCommand(): Command {
  return new Command("start")
    .description("start everything: database (embedded unless DATABASE_URL), migrations, demo data, web app and a worker")
    .option("-p, --port <port>", "web port", String(env().PORT ?? 3000))
    .option("--host <host>", "address to listen on", env().HOST ?? "127.0.0.1")
    .option("--no-worker", "web app only (run workers elsewhere with `npm run worker`)")
    .option("--no-demo", "do not load the demo dataset and demo run")
    .action(async (opts: { port: string; host: string; worker: boolean; demo: boolean }) => {
      console.log("[rlef] starting the database…");
      const db = await ensureDatabase({ migrate: true });
      console.log(`[rlef] database ready (${db.embedded ? "embedded PostgreSQL" : "DATABASE_URL"})`);
      const log = (l: string) => console.log(`[rlef] ${l}`);
      await ensureAdminUser(getPrisma(), log);
      await ensureDefaultLabels(getPrisma());
      if (opts.demo) {
        await seedDemoData({ log });
        await seedDemoRun(getPrisma(), log);
        await stopBoss();
      }
      await buildAppIfStale(ROOT, (l) => console.log(`[rlef] ${l}`));

      const env = { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1" };
      const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
      const children: ChildProcess[] = [
        spawnChild("web", process.execPath, [nextBin, "start", "-p", opts.port, "-H", opts.host], env),
      ];
      if (opts.worker) {
        children.push(spawnChild("worker", process.execPath, [path.join(ROOT, "bin", "rlef.js"), "worker"], env));
      }
      for (const child of children) {
        child.on("exit", (code, signal) => {
          console.error(`[rlef] a child process exited (${signal ?? code}); stopping.`);
          process.kill(process.pid, "SIGTERM");
        });
      }
      console.log(`\n[rlef] RLEF Studio is running at http://${opts.host === "0.0.0.0" ? "localhost" : opts.host}:${opts.port}\n`);
      onShutdown(async () => {
        for (const child of children) child.removeAllListeners("exit");
        await Promise.all(children.map((c) => new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once("exit", () => resolve());
          c.kill("SIGTERM");
        })));
        await db.stop();
      });
    });
}
