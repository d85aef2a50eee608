import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma's Rust engines cannot be downloaded here (see PLATFORM-NOTES): use the
// JS/WASM engine with the pg driver adapter for the client and for migrations.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "", allowExitOnIdle: true }),
});
