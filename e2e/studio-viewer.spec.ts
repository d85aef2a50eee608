import { expect, test } from "@playwright/test";
import { ensureE2eAccount, signIn, signInAs } from "./fixtures/sign-in";
import { countRunsNamed } from "./fixtures/studio-db";

test("a viewer cannot see the launch button, and calling the launch server action directly is refused", async ({ page, browser }) => {
  // As an admin, capture what the launch form sends (the action's id and its arguments) without sending it.
  await signIn(page, "admin");
  await page.goto("/launch?kind=eval");
  const name = `viewer attempt ${Date.now().toString(36)}`;
  await page.getByTestId("field-name").fill(name);
  let captured: { headers: Record<string, string>; body: string } | null = null;
  await page.route("**/launch**", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { headers: request.headers(), body: request.postData() ?? "" };
      return route.abort();
    }
    return route.continue();
  });
  await page.getByTestId("launch-eval-submit").click();
  await expect.poll(() => captured !== null).toBe(true);

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await signInAs(viewerPage, await ensureE2eAccount("viewer"));
  await expect(viewerPage.getByTestId("user-role")).toHaveText("viewer");
  await expect(viewerPage.getByTestId("nav-launch")).toHaveCount(0);
  await expect(viewerPage.getByTestId("nav-settings")).toHaveCount(0);
  await viewerPage.goto("/launch");
  await expect(viewerPage.getByTestId("forbidden")).toBeVisible();
  await expect(viewerPage.getByTestId("eval-launch-form")).toHaveCount(0);
  await expect(viewerPage.getByTestId("launch-button")).toHaveCount(0);

  // The same POST as the admin's form, with the viewer's session cookie: the action's wrapper refuses it.
  const { headers, body } = captured!;
  const response = await viewerPage.request.post("/launch?kind=eval", {
    headers: { "next-action": headers["next-action"], "content-type": headers["content-type"], accept: "text/x-component" },
    data: body,
  });
  const text = await response.text();
  expect(text).toContain("FORBIDDEN");
  expect(text).not.toContain("runId");
  expect(await countRunsNamed(name)).toBe(0);
  await viewerContext.close();
});
