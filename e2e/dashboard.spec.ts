import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EpisodePage } from "./pages/episode-page";
import { expect, test } from "./pages/dashboard-test";
import { RunPage } from "./pages/run-page";
import { RunsListPage } from "./pages/runs-list-page";
import { ensureE2eAccount, signInAs } from "./fixtures/sign-in";

const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "screenshots");

test.use({ viewport: { width: 1440, height: 1000 } });

test.beforeAll(() => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

test("runs → run → failed episodes → episode diff beside its feedback → next episode by keyboard → problem", async ({ page, baseURL }) => {
  // Everything, Monaco included, must come from the app itself: record every request's origin.
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith("data:") && !request.url().startsWith("blob:"))
      foreign.push(request.url());
  });

  const runs = new RunsListPage(page);
  await runs.open();
  await runs.openDemoRun();

  const run = new RunPage(page);
  await run.expectMetricsAndCharts();
  await page.screenshot({ path: path.join(SCREENSHOTS, "run.png"), fullPage: false });

  await run.filter("outcome", "failed");
  await run.expectAllRowsFailed();
  // a failed episode that took a second attempt, so there is a turn 1 → turn 2 diff
  await run.openFirstEpisode(2);

  const episode = new EpisodePage(page);
  await expect(page).toHaveURL(/[?&]outcome=failed/);
  await expect(page.getByTestId("episode-outcome")).toContainText("failed");
  await episode.expectCodeOrNoCodeNotice();
  await expect(page.getByRole("heading", { name: "Diff: turn 1 → turn 2" })).toBeVisible();
  await episode.expectSideBySideDiff();
  await expect(episode.diffFeedback).toBeVisible();
  await expect(episode.diffFeedback).toContainText("Give it another try.");
  // the README's picture: the turn tabs, the attempt with its tests and feedback, and the diff beside the feedback
  await page.getByTestId("episode-turns").evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 12));
  await page.screenshot({ path: path.join(SCREENSHOTS, "episode.png"), fullPage: false });

  // ] and [ move between turns
  await episode.pressKey("]");
  await expect(page.getByTestId("turn-tab-2")).toHaveAttribute("aria-selected", "true");
  await episode.expectCodeOrNoCodeNotice();
  await episode.pressKey("[");
  await expect(page.getByTestId("turn-tab-1")).toHaveAttribute("aria-selected", "true");

  // j: the next episode of the same filtered list; the filter stays in the URL
  const first = episode.episodeId();
  await episode.pressKey("j");
  await expect(page).not.toHaveURL(new RegExp(`/episodes/${first}`));
  await expect(page).toHaveURL(/[?&]outcome=failed/);
  await expect(page.getByTestId("episode-outcome")).toContainText("failed");
  // k: back to where we were
  await episode.pressKey("k");
  await expect(page).toHaveURL(new RegExp(`/episodes/${first}\\?`));

  const problemName = await episode.openProblem();
  await expect(page.getByTestId("problem-name")).toHaveText(problemName);
  await expect(page.getByTestId("problem-statement")).toBeVisible();
  await expect(page.getByTestId("problem-run-stats")).toBeVisible();
  await expect(page.getByTestId("problem-episode-row").first()).toBeVisible();

  expect(foreign, "requests that left the app (Monaco must not come from a CDN)").toEqual([]);
});

test("datasets list and a dataset's problems", async ({ page }) => {
  await page.goto("/datasets");
  await expect(page.getByTestId("datasets-table")).toBeVisible();
  const demo = page.getByTestId("dataset-link").filter({ hasText: /demo/i });
  await ((await demo.count()) ? demo.first() : page.getByTestId("dataset-link").first()).click();
  await expect(page.getByTestId("dataset-page")).toBeVisible();
  await expect(page.getByTestId("problem-row").first()).toBeVisible();
});

test("an admin imports a JSONL file from the datasets page; a bad line is named and nothing is written", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: undefined });
  const page = await context.newPage();
  await signInAs(page, await ensureE2eAccount("admin"), "/datasets");
  const dataset = `e2e-upload-${Date.now().toString(36)}`;
  const line = (i: number, extra = {}) =>
    JSON.stringify({
      externalId: `${dataset}-${i}`,
      name: `Uploaded ${i}`,
      description: "Print 1.",
      publicTests: [{ input: "", output: "1\n" }],
      ...extra,
    });

  await page.goto("/datasets");
  await page.getByTestId("import-file").setInputFiles({
    name: "bad.jsonl",
    mimeType: "application/jsonl",
    buffer: Buffer.from(`${line(1)}\n${line(2, { publicTests: [{ input: "1" }] })}\n`),
  });
  await page.getByTestId("import-dataset").fill(dataset);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-outcome")).toContainText("bad.jsonl line 2, field publicTests[0].output");
  await expect(page.getByTestId("dataset-link").filter({ hasText: dataset })).toHaveCount(0);

  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "good.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(`${line(1)}\n${line(2)}\n`) });
  await page.getByTestId("import-dataset").fill(dataset);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-outcome")).toContainText("Imported 2 problems");
  await expect(page.getByTestId("dataset-link").filter({ hasText: dataset })).toBeVisible();
  await context.close();
});
