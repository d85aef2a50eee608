import { expect, test } from "@playwright/test";
import { launchDemoEval, waitForRunCompleted } from "./fixtures/launch";
import { signIn } from "./fixtures/sign-in";
import { ensureDefaultLabelsInDb } from "./fixtures/studio-db";

// One story, in order: launch two evals of the demo policy, compare them, annotate, review a queue.
// Run A gets three turns and run B one, with the same seed: each rollout plays the same scenario in
// both, so the problems only feedback repairs are solved by A only — the flips the test filters to.
test.describe.serial("launch, compare, annotate", () => {
  const stamp = Date.now().toString(36);
  let runA = "";
  let runB = "";

  test.beforeAll(async () => {
    await ensureDefaultLabelsInDb();
  });

  test("launch an eval of the demo policy from the form and watch it complete", async ({ page }) => {
    test.setTimeout(20 * 60_000);
    await signIn(page, "admin");

    // a bad value comes back under its field, and nothing is launched
    await page.goto("/launch?kind=eval");
    await page.getByTestId("field-sampling.temperature").fill("5");
    await page.getByTestId("launch-eval-submit").click();
    await expect(page.getByTestId("field-error-sampling.temperature")).toBeVisible();
    await expect(page).toHaveURL(/\/launch/);

    runA = await launchDemoEval(page, { name: `e2e A ${stamp}`, split: "train", limit: 12, rollouts: 2, turns: 3 });
    await expect(page.getByTestId("run-name")).toHaveText(`e2e A ${stamp}`);
    await waitForRunCompleted(page, runA);
    runB = await launchDemoEval(page, { name: `e2e B ${stamp}`, split: "train", limit: 12, rollouts: 2, turns: 1 });
    await waitForRunCompleted(page, runB);
  });

  test("compare the two runs and filter to flips", async ({ page }) => {
    test.skip(!runA || !runB, "needs the launched runs");
    await signIn(page, "viewer");
    await page.goto("/compare");
    await page.getByTestId("pick-a").selectOption(runA);
    await page.getByTestId("pick-b").selectOption(runB);
    await page.getByTestId("compare-submit").click();
    await expect(page.getByTestId("metric-solveRate")).toBeVisible();
    await expect(page.getByTestId("compare-row")).toHaveCount(12);

    await page.getByTestId("show-flips").click();
    await expect(page).toHaveURL(/show=flips/);
    const rows = page.getByTestId("compare-row");
    await expect(rows.first()).toBeVisible();
    const flips = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-flip")));
    expect(flips.length).toBeGreaterThan(0);
    expect(flips.every((f) => f === "aOnly" || f === "bOnly")).toBe(true);
    // feedback can only help: with one turn B never solves what A cannot
    expect(flips).not.toContain("bOnly");

    // a point of the scatter opens that problem's episodes side by side
    await page.locator("[data-testid=compare-scatter] .recharts-scatter-symbol").first().click();
    await expect(page).toHaveURL(/\/compare\/episodes\?/);
    await expect(page.getByTestId("side-A").getByTestId("episode-turns")).toBeVisible();
    await expect(page.getByTestId("side-B").getByTestId("episode-turns")).toBeVisible();
  });

  test("annotate a turn with a label and a note, then find the episode through the label filter", async ({ page }) => {
    test.skip(!runA || !runB, "needs the launched runs");
    await signIn(page, "annotator");
    await page.goto(`/compare?a=${runA}&b=${runB}&show=aOnly`);
    await page.getByTestId("side-by-side-link").first().click();
    // B failed this problem in every rollout: annotate B's episode, on its first (only) turn
    const side = page.getByTestId("side-B");
    const episodeId = await side.getByTestId("episode-turns").getAttribute("data-episode-id");
    expect(episodeId).toBeTruthy();
    const panel = side.getByTestId("annotation-panel");
    await panel.getByTestId("annotation-turn").selectOption("0");
    await panel.locator('[data-testid=label-toggle][data-label="wrong algorithm"]').click();
    const note = `e2e note ${stamp}`;
    await panel.getByTestId("annotation-note").fill(note);
    await panel.getByTestId("annotation-save").click();
    await expect(panel.getByTestId("annotation-item").filter({ hasText: note })).toContainText("turn 1");

    // the run page's episode filter (?label=) finds it
    await page.goto(`/runs/${runB}?label=${encodeURIComponent("wrong algorithm")}`);
    await expect(page.locator(`[data-testid=episode-link][href^="/episodes/${episodeId}"]`)).toBeVisible();
    // and so do the compare page's label counts and the annotations list
    await page.goto(`/compare?a=${runA}&b=${runB}`);
    await page.getByTestId("label-counts").getByText("wrong algorithm").click();
    await expect(page.getByTestId("active-label")).toContainText("wrong algorithm");
    await expect(page.getByTestId("compare-row")).toHaveCount(1);
    await page.goto(`/annotations?label=${encodeURIComponent("wrong algorithm")}&run=${runB}`);
    await expect(page.locator(`[data-testid=annotated-episode-link][data-episode-id="${episodeId}"]`)).toBeVisible();

    // the export carries it, as JSONL and as CSV
    const jsonl = await (await page.request.get(`/api/annotations/export?format=jsonl&run=${runB}`)).text();
    const exported = jsonl
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(exported).toContainEqual(expect.objectContaining({ episodeId, turnIndex: 0, labels: ["wrong algorithm"], note }));
    const csv = await page.request.get(`/api/annotations/export?format=csv&run=${runB}`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain(note);
  });

  test("work through three items of an annotation queue by keyboard", async ({ page }) => {
    test.skip(!runB, "needs the launched runs");
    await signIn(page, "annotator");
    await page.goto(`/annotations/queue?run=${runB}&outcome=failed`);
    const reviewer = page.getByTestId("queue-reviewer");
    await expect(reviewer).toBeVisible();
    const doneAtStart = Number(await page.getByTestId("queue-done-count").textContent());
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await expect(reviewer).not.toHaveAttribute("data-episode-id", "");
      const id = (await reviewer.getAttribute("data-episode-id"))!;
      expect(seen).not.toContain(id);
      seen.push(id);
      await page.keyboard.press(String(i + 1)); // toggle label i+1
      await page.keyboard.press("]"); // annotate turn 1 rather than the whole episode
      await page.keyboard.press("n");
      await page.keyboard.type(`queue note ${i}`);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Enter");
      await expect(reviewer).not.toHaveAttribute("data-episode-id", id);
      await expect(page.getByTestId("queue-reviewed")).toHaveText(String(i + 1));
    }
    await expect(page.getByTestId("queue-done-count")).toHaveText(String(doneAtStart + 3));
  });
});
