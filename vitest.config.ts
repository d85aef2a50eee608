import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Unit tests sit next to the code as *.test.ts; tests that need Postgres or
// spawn processes are *.int.test.ts and share one embedded server (globalSetup).
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["scripts/**/*.test.ts", "lib/**/*.test.ts", "workers/**/*.test.ts", "bin/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
    exclude: ["node_modules", ".next", ".data"],
    globalSetup: ["./lib/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
