import { expect, test } from "@playwright/test";
import { ensureE2eAccount } from "./fixtures/sign-in";

test.describe("sign-in and roles", () => {
  test("a signed-out visitor is sent to the login page and comes back after signing in", async ({ page }) => {
    const admin = await ensureE2eAccount("admin");
    await page.goto("/compare");
    await expect(page).toHaveURL(/\/login\?next=%2Fcompare/);
    await page.getByTestId("login-email").fill(admin.email);
    await page.getByTestId("login-password").fill("not the password");
    await page.getByTestId("login-submit").click();
    await expect(page.getByTestId("login-error")).toHaveText("wrong email or password");
    await page.getByTestId("login-password").fill(admin.password);
    await page.getByTestId("login-submit").click();
    await expect(page).toHaveURL(/\/compare/);
    await expect(page.getByTestId("user-role")).toHaveText("admin");
    await expect(page.getByTestId("nav-launch")).toBeVisible();

    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/runs");
    await expect(page).toHaveURL(/\/login/);
  });

  test("API routes answer 401 without a session", async ({ request }) => {
    const response = await request.get("/api/runs", { maxRedirects: 0 });
    expect(response.status()).toBe(401);
  });
});
