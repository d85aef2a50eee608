import { expect, type Locator, type Page } from "@playwright/test";

export class EpisodePage {
  readonly diff: Locator;
  readonly diffFeedback: Locator;

  constructor(private readonly page: Page) {
    this.diff = page.getByTestId("attempt-diff");
    this.diffFeedback = page.getByTestId("diff-feedback-text");
  }

  episodeId(): string {
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }

  /** Monaco's side-by-side diff editor has drawn both attempts. */
  async expectSideBySideDiff(): Promise<void> {
    await expect(this.diff.locator(".monaco-diff-editor")).toBeVisible();
    await expect(this.diff.locator(".monaco-diff-editor .editor.original .view-lines")).toBeVisible();
    await expect(this.diff.locator(".monaco-diff-editor .editor.modified .view-lines")).toBeVisible();
  }

  /** The selected turn's code in Monaco (or the notice that the reply had no code). */
  async expectCodeOrNoCodeNotice(): Promise<void> {
    await expect(
      this.page.locator('[data-testid="code-viewer"] .monaco-editor .view-lines, [data-testid="no-code"]').first(),
    ).toBeVisible();
  }

  async pressKey(key: string): Promise<void> {
    // keys go to the page, not to an editor
    await this.page.getByTestId("episode-title").click();
    await this.page.keyboard.press(key);
  }

  async openProblem(): Promise<string> {
    const name = (await this.page.getByTestId("problem-link").textContent()) ?? "";
    await this.page.getByTestId("problem-link").click();
    await expect(this.page.getByTestId("problem-page")).toBeVisible();
    return name;
  }
}
