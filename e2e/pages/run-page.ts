import { expect, type Locator, type Page } from "@playwright/test";

export class RunPage {
  readonly episodeRows: Locator;

  constructor(private readonly page: Page) {
    this.episodeRows = page.getByTestId("episode-row");
  }

  async expectMetricsAndCharts(): Promise<void> {
    await expect(this.page.getByTestId("metric-one-at-three")).toBeVisible();
    // both interval kinds, each named with its resample count (issue 10.8), and the exclusions (10.11)
    await expect(this.page.getByTestId("metric-one-at-three").getByTestId("ci-rollout")).toContainText(
      "rollout bootstrap (paper, App. B.1) · 200 resamples",
    );
    await expect(this.page.getByTestId("metric-one-at-three").getByTestId("ci-problem")).toContainText("problem bootstrap · 200 resamples");
    await expect(this.page.getByTestId("episodes-excluded")).toBeVisible();
    await expect(this.page.getByTestId("chart-solve-rate").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(this.page.getByTestId("chart-error-kinds")).toBeVisible();
    await expect(this.page.getByTestId("chart-code-change")).toBeVisible();
  }

  /**
   * A metric card's value and its two 95% intervals (rollout and problem bootstrap), as fractions read
   * from the page ("66.7%", "95% CI 50.0%–83.3% · …"); an interval without bounds reads as null.
   */
  async metricWithIntervals(
    testId: string,
  ): Promise<{ value: number; rollout: [number, number] | null; problem: [number, number] | null }> {
    const card = this.page.getByTestId(testId);
    await expect(card).toBeVisible();
    const percent = (text: string) => Number(text.replace("%", "")) / 100;
    const interval = async (kind: string): Promise<[number, number] | null> => {
      const text = (await card.getByTestId(kind).textContent()) ?? "";
      const m = text.match(/95% CI ([\d.]+)%–([\d.]+)%/);
      return m ? [percent(m[1]), percent(m[2])] : null;
    };
    return {
      value: percent((await card.locator(".metric-value").textContent()) ?? ""),
      rollout: await interval("ci-rollout"),
      problem: await interval("ci-problem"),
    };
  }

  /** Choose a value in one of the episode table's filters; the URL carries it. */
  async filter(key: string, value: string): Promise<void> {
    await this.page.getByTestId(`filter-${key}`).selectOption(value);
    await expect(this.page).toHaveURL(new RegExp(`[?&]${key}=${value}`));
    await this.waitForRows();
  }

  /** The table shows the rows of the current URL (not the previous page kept on screen while loading). */
  async waitForRows(): Promise<void> {
    await expect(this.page.getByTestId("episode-table-section")).toHaveAttribute("aria-busy", "false");
  }

  async expectAllRowsFailed(): Promise<void> {
    await expect(this.episodeRows.first()).toBeVisible();
    await expect(this.episodeRows.filter({ hasNot: this.page.getByTestId("outcome-failed") })).toHaveCount(0);
  }

  /**
   * Open the first listed episode that used at least `minTurns` turns (so it
   * has a diff to show), preferring one whose first attempt ran and gave a
   * wrong answer: its diff shows code before and after the feedback.
   */
  async openFirstEpisode(minTurns = 1): Promise<void> {
    const rows = await this.episodeRows.all();
    const eligible = [];
    for (const row of rows) {
      if (Number(await row.getAttribute("data-turns")) >= minTurns)
        eligible.push({ row, wrongAnswer: (await row.getAttribute("data-first-error")) === "WRONG_ANSWER" });
    }
    const choice = eligible.find((e) => e.wrongAnswer) ?? eligible[0];
    if (choice) {
      await choice.row.getByTestId("episode-link").click();
      await expect(this.page.getByTestId("episode-page")).toBeVisible();
      return;
    }
    throw new Error(`no episode on this page used ${minTurns} or more turns`);
  }
}
