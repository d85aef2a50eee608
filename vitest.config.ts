import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Two projects. unit: *.test.ts beside the code, pure logic, no PostgreSQL, no processes
// (`npm run test:unit`, under a minute). integration: *.int.test.ts, which need Postgres or spawn
// processes, sharing one embedded server started by the global setup (`npm run test:int`).
const SOURCES = ["scripts", "lib", "workers", "bin", "components", "app"];
const EXCLUDE = ["node_modules", ".next", ".data"];

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    exclude: EXCLUDE,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: SOURCES.map((dir) => `${dir}/**/*.test.ts`),
          exclude: [...EXCLUDE, "**/*.int.test.ts"],
          // pure tests share one module graph per worker: most of a unit run is importing modules
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: SOURCES.map((dir) => `${dir}/**/*.int.test.ts`),
          globalSetup: ["./lib/testing/global-setup.ts"],
        },
      },
    ],
  },
});
