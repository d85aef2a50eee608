import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { measureReported, type Timing } from "./scale-measure";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface AppServer {
  url: string;
  mode: "production" | "development";
  stop(): Promise<void>;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * The web app against the benchmark's database: with a production build, the
 * server `rlef start` runs (bin/web-server.js: Next's request handler behind the
 * request guard), so the measured pages are what users get; else `next dev`
 * (slower; the report says which one was measured).
 */
export async function startApp(root: string, databaseUrl: string, port: number): Promise<AppServer> {
  const production = fs.existsSync(path.join(root, ".next", "BUILD_ID"));
  const server = production
    ? [path.join(root, "bin", "web-server.js")]
    : [path.join(root, "node_modules", "next", "dist", "bin", "next"), "dev"];
  const child: ChildProcess = spawn(process.execPath, [...server, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/login`, 180_000);
  return {
    url,
    mode: production ? "production" : "development",
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function signInPage(app: AppServer, credentials: { email: string; password: string }) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/login`);
  await page.getByTestId("login-email").fill(credentials.email);
  await page.getByTestId("login-password").fill(credentials.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 120_000 });
  return { browser, page };
}

async function waitForEditors(page: Page) {
  await page.getByTestId("test-row").first().waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="code-viewer"] .monaco-editor .view-lines').first().waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="attempt-diff"] .monaco-diff-editor .editor.modified .view-lines').first().waitFor({ timeout: 120_000 });
}

/**
 * Stepping to the episode with `j` or `k` from its neighbour, as a researcher does:
 * a client-side navigation with Monaco already loaded, timed until the new
 * episode's tests, code and diff are drawn.
 */
export async function measureKeyboardStep(
  app: AppServer,
  fromPath: string,
  key: "j" | "k",
  toTitle: string,
  credentials: { email: string; password: string },
  runs: number,
): Promise<Timing> {
  const { browser, page } = await signInPage(app, credentials);
  try {
    return await measureReported(
      `episode page by keyboard (${key}) from its neighbour, in-app`,
      runs,
      async () => {
        await page.goto(`${app.url}${fromPath}`);
        await waitForEditors(page);
        const started = performance.now();
        await page.getByTestId("episode-title").click();
        await page.keyboard.press(key);
        await page.getByTestId("episode-title").filter({ hasText: toTitle }).waitFor({ timeout: 120_000 });
        await waitForEditors(page);
        return performance.now() - started;
      },
      1,
    );
  } finally {
    await browser.close();
  }
}

/**
 * Time from navigation to a fully usable episode page: the statement header,
 * the test table, Monaco's code view and Monaco's side-by-side diff all drawn.
 */
export async function measureEpisodeRender(
  app: AppServer,
  episodePath: string,
  credentials: { email: string; password: string },
  runs: number,
): Promise<{ cold: number; warm: Timing }> {
  const { browser, page } = await signInPage(app, credentials);
  try {
    const renderOnce = async () => {
      const started = performance.now();
      await page.goto(`${app.url}${episodePath}`, { waitUntil: "commit", timeout: 120_000 });
      await waitForEditors(page);
      return performance.now() - started;
    };
    // the first load fetches Monaco's files once (and compiles the route in development)
    const cold = await renderOnce();
    const warm = await measureReported("episode page, full load in Chromium (3 turns, 300 lines, 50 tests)", runs, renderOnce, 1);
    return { cold, warm };
  } finally {
    await browser.close();
  }
}
