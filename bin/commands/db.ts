import { Command } from "commander";
import { ensureDatabase } from "../../lib/db/ensure-database";

export function dbCommand(): Command {
  const db = new Command("db").description("database utilities");
  db.command("migrate")
    .description("start the database if needed (detached embedded PostgreSQL unless DATABASE_URL) and apply migrations; prints the URL")
    .action(async () => {
      const handle = await ensureDatabase({ migrate: true, detached: true });
      console.log(handle.url);
    });
  return db;
}
