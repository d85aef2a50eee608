import { expect, test, type Locator, type Page } from "@playwright/test";
import { IMPORT_FORMATS } from "../lib/datasets/import-formats";
import { feedbackForPerturbed, humanEvalPlusMiniFile, MINI_PROBLEMS } from "./fixtures/humaneval-plus-mini";
import { importWithCli } from "./fixtures/cli-import";
import { launchDemoEval, waitForRunCompleted } from "./fixtures/launch";
import { signIn } from "./fixtures/sign-in";
import { withDb } from "./fixtures/studio-db";
import { EpisodePage } from "./pages/episode-page";
import { RunPage } from "./pages/run-page";

// A function-call benchmark end to end in the browser (issue 15): a HumanEval+-style file of our own
// imported as EvalPlus (reference outputs and the judge audit run in the sandbox),
// two evals of the demo policy on it (it replays the canonical solutions and the import's wrong
// variants): A with three turns, B with one, the same seed, so both play the same first replies.
test.describe.serial("a HumanEval+ dataset: import, eval, episode, run and compare pages", () => {
  const stamp = Date.now().toString(36);
  const dataset = `e2e-heplus-${stamp}`;
  let runA = "";
  let runB = "";

  test("import the file with `rlef import --format evalplus`, then launch two demo evals on it from the form", async ({ page }) => {
    test.setTimeout(5 * 60_000);
    const printed = await importWithCli(
      { name: "HumanEvalPlus-e2e.jsonl", buffer: humanEvalPlusMiniFile() },
      { dataset, split: "test", format: "evalplus" },
    );
    expect(printed).toContain(`imported 3 problems into "${dataset}" (test)`);
    expect(printed).toContain("format: evalplus");
    // every canonical solution passes its base and plus tests; both wrong variants of each fail
    expect(printed).toContain(`judge audit of "${dataset}": 3/3 problems' reference solutions pass all tests`);
    expect(printed).toContain("wrong solutions: 6 fail as they should, 0 pass every test");

    await signIn(page, "admin");
    runA = await launchDemoEval(page, { name: `e2e HE+ A ${stamp}`, dataset, split: "test", rollouts: 4, turns: 3 });
    runB = await launchDemoEval(page, { name: `e2e HE+ B ${stamp}`, dataset, split: "test", rollouts: 4, turns: 1 });
    await waitForRunCompleted(page, runA, 4 * 60_000);
    await waitForRunCompleted(page, runB, 4 * 60_000);
  });

  test("the run page: multi-turn and single-turn 1@3, each with both intervals, as the episodes give them", async ({ page }) => {
    test.skip(!runA, "needs the launched runs");
    await signIn(page, "viewer", `/runs/${runA}`);
    await page.goto(`/runs/${runA}`);
    const run = new RunPage(page);
    const episodes = await withDb(
      async (c) =>
        (
          await c.query<{ problemId: string; solved: boolean; solvedAtTurn: number | null }>(
            `SELECT "problemId", solved, "solvedAtTurn" FROM "Episode" WHERE "runId" = $1 AND status = 'COMPLETED'`,
            [runA],
          )
        ).rows,
    );
    expect(episodes).toHaveLength(3 * 4);
    const byProblem = new Map<string, typeof episodes>();
    for (const e of episodes) byProblem.set(e.problemId, [...(byProblem.get(e.problemId) ?? []), e]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // 1@3: the fraction of each problem's rollouts solved within three turns, averaged over problems
    const multi = mean([...byProblem.values()].map((es) => es.filter((e) => e.solved).length / es.length));
    // single-turn 1@3 by hand: a first reply passes the public tests exactly when it is the canonical
    // solution (solved at turn 1), and is then submitted; of 4 first replies with k right, 3 drawn miss
    // all of them with probability C(4 - k, 3) / C(4, 3)
    const c3 = (n: number) => (n * (n - 1) * (n - 2)) / 6;
    const single = mean([...byProblem.values()].map((es) => 1 - c3(4 - es.filter((e) => e.solvedAtTurn === 1).length) / c3(4)));

    for (const [testId, expected] of [
      ["metric-one-at-three", multi],
      ["metric-single-turn-one-at-three", single],
    ] as const) {
      const shown = await run.metricWithIntervals(testId);
      expect(shown.value, testId).toBeCloseTo(expected, 3);
      for (const ci of [shown.rollout, shown.problem]) {
        expect(ci, `${testId} interval`).not.toBeNull();
        expect(ci![0]).toBeLessThanOrEqual(shown.value);
        expect(ci![1]).toBeGreaterThanOrEqual(shown.value);
      }
      await expect(page.getByTestId(testId).getByTestId("ci-rollout")).toContainText("rollout bootstrap (paper, App. B.1) · 200 resamples");
      await expect(page.getByTestId(testId).getByTestId("ci-problem")).toContainText("problem bootstrap · 200 resamples");
    }
    await expect(page.getByTestId("metric-one-at-three")).toContainText("3 problems");
  });

  test("an episode: the paper's function-task feedback, the tests of each turn, the Monaco diff between attempts", async ({ page }) => {
    test.skip(!runA, "needs the launched runs");
    await signIn(page, "viewer", `/runs/${runA}`);
    await page.goto(`/runs/${runA}`);
    const run = new RunPage(page);
    // solved after feedback, its first attempt a wrong answer: the perturbed variant, then the canonical solution
    await run.filter("outcome", "solved");
    await run.openFirstEpisode(2);
    const episode = new EpisodePage(page);
    const problemName = (await page.getByTestId("problem-link").textContent()) ?? "";
    const problem = MINI_PROBLEMS.find((p) => problemName.includes(p.entryPoint));
    expect(problem, `a fixture problem named ${problemName}`).toBeTruthy();

    // the feedback sent after turn 1, byte for byte App. C.4's: failures with their AssertionError, successes too
    await expect(page.getByRole("heading", { name: "Diff: turn 1 → turn 2" })).toBeVisible();
    expect(await episode.diffFeedback.textContent()).toBe(feedbackForPerturbed(problem!));

    // the Monaco diff: turn 1's wrong variant on the left, what replaced it on the right, its lines marked deleted
    await episode.expectSideBySideDiff();
    await expect(episode.diff.locator(".editor.original .view-lines")).toContainText(`_right_${problem!.entryPoint}`);
    await expect(episode.diff.locator(".editor.modified .view-lines")).not.toContainText(`_right_${problem!.entryPoint}`);
    await expect(episode.diff.locator(".editor.original .line-delete, .editor.original .char-delete").first()).toBeAttached();

    // test × turn: turn 1's in-loop tests, one row per assert with its verdict and AssertionError; turn 2 passes them all
    const tests = page.getByTestId("episode-turns").getByTestId("test-results");
    const verdicts = () => tests.getByTestId("test-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-verdict")));
    await page.getByTestId("turn-tab-1").click();
    await expect(page.getByTestId("turn-tab-1")).toContainText(`${problem!.perturbed.filter((r) => r.verdict === "OK").length}/3`);
    expect(await verdicts()).toEqual(problem!.perturbed.map((r) => r.verdict));
    await expect(tests.getByTestId("function-test-assertion")).toHaveText(
      problem!.perturbed.filter((r) => r.message).map((r) => r.message!),
    );
    await expect(tests.getByTestId("function-test-detail").first()).toContainText(
      problem!.asserts[0].replace("candidate(", `${problem!.entryPoint}(`),
    );
    await episode.pressKey("]");
    await expect(page.getByTestId("turn-tab-2")).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("turn-tab-2")).toContainText("3/3");
    await expect.poll(verdicts).toEqual(["OK", "OK", "OK"]);
  });

  test("the compare page for the two runs: single- vs multi-turn with intervals, the problems, their episodes side by side", async ({
    page,
  }) => {
    test.skip(!runA || !runB, "needs the launched runs");
    await signIn(page, "viewer", "/compare");
    await page.goto("/compare");
    await page.getByTestId("pick-a").selectOption(runA);
    await page.getByTestId("pick-b").selectOption(runB);
    await page.getByTestId("compare-submit").click();
    const summary = page.getByTestId("summary-comparison");
    await expect(summary).toBeVisible();
    const row = (label: string) => summary.locator("tr", { has: page.locator("td", { hasText: new RegExp(`^${label}$`) }) });
    // the same first replies in both runs: the same single-turn 1@3; both sides with their R and P intervals
    const single = row("single-turn 1@3");
    await expect(single.locator("td").nth(3)).toHaveText("±0.0 pp");
    await expect(single.locator(".ci")).toHaveCount(2);
    for (const ci of await single.locator(".ci").allTextContents()) expect(ci).toMatch(/^\[[\d.]+%, [\d.]+%\] R · \[[\d.]+%, [\d.]+%\] P$/);
    // three turns never solve less than one with the same first replies
    const multi = row("1@3 \\(stored summary\\)");
    await expect(multi.locator(".ci")).toHaveCount(2);
    await expect(multi.locator("td").nth(3)).toHaveText(/^(−[\d.]+|±0\.0) pp$/);

    await expect(page.getByTestId("compare-row")).toHaveCount(3);
    const flips = await page.getByTestId("compare-row").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-flip")));
    expect(flips).not.toContain("bOnly");

    await page.getByTestId("side-by-side-link").first().click();
    await expect(page.getByTestId("side-A").getByTestId("episode-turns")).toBeVisible();
    await expect(page.getByTestId("side-B").getByTestId("episode-turns")).toBeVisible();
    await expect(page.getByTestId("side-B").getByTestId("turn-tab-2")).toHaveCount(0);
  });
});

test.describe("the datasets page's import of benchmark files", () => {
  const apps = (id: number, question: string) =>
    JSON.stringify({
      problem_id: id,
      question,
      solutions: JSON.stringify(["n = int(input())\nprint(*range(1, n + 1))\n"]),
      input_output: JSON.stringify({ inputs: ["3\n", "1\n"], outputs: ["1 2 3\n", "1\n"] }),
      difficulty: "interview",
      url: `https://codeforces.com/problemset/problem/${id}/A`,
      starter_code: "",
    });

  async function upload(page: Page, file: { name: string; buffer: Buffer }, dataset: string, format: string): Promise<Locator> {
    await page.getByTestId("import-file").setInputFiles({ ...file, mimeType: "application/jsonl" });
    await page.getByTestId("import-dataset").fill(dataset);
    await page.getByTestId("import-format").selectOption(format);
    await page.getByTestId("import-submit").click();
    const outcome = page.getByTestId("import-outcome");
    await expect(outcome).toBeVisible({ timeout: 60_000 });
    return outcome;
  }
  const appsFile = {
    name: "apps-test.jsonl",
    buffer: Buffer.from(
      `${apps(1, "Print 1..n, one line.")}\n${apps(2, "Print a permutation of 1..n. If there are multiple answers, print any of them.")}\n`,
    ),
  };

  test("every format `rlef import` reads is offered; an APPS upload shows its format and the problem kept out for want of a checker", async ({
    page,
  }) => {
    await signIn(page, "admin", "/datasets");
    await page.goto("/datasets");
    const offered = await page
      .getByTestId("import-format")
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(IMPORT_FORMATS);
    const dataset = `e2e-apps-${Date.now().toString(36)}`;
    const outcome = await upload(page, appsFile, dataset, "apps");
    await expect(outcome).toContainText("Imported 2 problems");
    await expect(outcome).toContainText("format: apps");
    await expect(outcome).toContainText("1 problems need a special checker: imported, kept out of runs (2)");
    await expect(outcome).toContainText(`judge audit of "${dataset}": `);
    await expect(page.getByTestId("dataset-link").filter({ hasText: dataset })).toBeVisible();
  });

  test("the web import judges in the sandbox: the APPS references pass the audit, an EvalPlus file imports", async ({ page }) => {
    // Under Next's server bundle the sandbox's Python files are found through lib/sandbox/sandbox-source.ts
    // (the bundler rewrote `new URL("./supervisor.py", import.meta.url)` and left import.meta.dirname
    // undefined): the audit's references pass, and a function-task import records its outputs.
    await signIn(page, "admin", "/datasets");
    await page.goto("/datasets");
    const stamp = Date.now().toString(36);
    const audited = await upload(page, appsFile, `e2e-apps-audit-${stamp}`, "apps");
    await expect(audited).toContainText(`judge audit of "e2e-apps-audit-${stamp}": 1/1 problems' reference solutions pass all tests`, {
      timeout: 1000,
    });
    const evalplus = await upload(
      page,
      { name: "HumanEvalPlus-e2e.jsonl", buffer: humanEvalPlusMiniFile() },
      `e2e-heplus-page-${stamp}`,
      "evalplus",
    );
    await expect(evalplus).toContainText("Imported 3 problems", { timeout: 1000 });
  });
});
