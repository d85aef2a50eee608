import { expect, type Locator, type Page } from "@playwright/test";

export class RunsListPage {
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId("run-row");
  }

  async open(): Promise<void> {
    await this.page.goto("/runs");
    await expect(this.page.getByTestId("runs-table")).toBeVisible();
  }

  /**
   * Open the demo eval run `npm start` queues on a fresh database (any run on
   * the demo dataset will do), and wait until the worker has finished it: the
   * run page follows progress live and shows the metrics once it completes.
   */
  async openDemoRun(timeoutMs = 15 * 60_000): Promise<void> {
    const demo = this.rows.filter({ hasText: /demo/i });
    await expect(demo.first()).toBeVisible();
    const completed = demo.filter({ has: this.page.getByTestId("status-badge").getByText("completed", { exact: true }) });
    const row = (await completed.count()) > 0 ? completed.first() : demo.first();
    await row.getByTestId("run-link").click();
    await expect(this.page.getByTestId("run-page")).toBeVisible();
    await expect(this.page.getByTestId("run-progress").getByTestId("status-badge")).toHaveText("completed", { timeout: timeoutMs });
  }
}
