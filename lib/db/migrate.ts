import { spawn } from "node:child_process";
import path from "node:path";

const DONE = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * Apply prisma/migrations with `prisma migrate deploy` (offline WASM engine).
 * The CLI finishes its work in well under a second but then idles ~10 s before
 * exiting, so we stop it once it has printed its success line.
 */
export function applyMigrations(databaseUrl: string, projectRoot = process.cwd()): Promise<void> {
  const prismaBin = path.join(projectRoot, "node_modules", "prisma", "build", "index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaBin, "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let succeeded = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!succeeded && DONE.test(output)) {
        succeeded = true;
        child.kill("SIGTERM");
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", (code) => {
      if (succeeded || code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`));
    });
  });
}
