import { defineConfig } from "@playwright/test";
import { env } from "./lib/config/env";

// Starts the app exactly as the README says (`npm start`: embedded PostgreSQL, demo data, web + worker),
// on its own port and database so a developer's data is never touched; E2E_BASE_URL points the tests at
// an app that is already up instead. Debian's Chromium: `npx playwright install` cannot download browsers here.
const port = Number(env().E2E_PORT ?? 3123);
const pgPort = String(env().RLEF_PG_PORT ?? 54349);
process.env.RLEF_PG_PORT = pgPort; // the fixtures reach the app's database through it
const external = Boolean(env().E2E_BASE_URL);

export default defineConfig({
  webServer: external
    ? undefined
    : {
        command: `node bin/rlef.js start --port ${port}`,
        url: `http://127.0.0.1:${port}/login`,
        timeout: 600_000,
        reuseExistingServer: !env().CI,
        stdout: "pipe",
        env: { RLEF_PG_PORT: pgPort, RLEF_PG_DATA: env().RLEF_E2E_PG_DATA ?? ".data/e2e/postgres" },
      },
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: env().E2E_BASE_URL ?? `http://127.0.0.1:${port}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: env().E2E_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
