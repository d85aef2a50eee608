import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { signIn, signInAs } from "./fixtures/sign-in";
import { withDb } from "./fixtures/studio-db";

// Issue 13 item 3 in the browser: a session ends on the server, so a copied cookie dies with it.
async function freshUser(): Promise<{ email: string; password: string }> {
  const account = { email: `e2e-session-${randomUUID().slice(0, 8)}@localhost`, password: "e2e-session-password" };
  const hash = await hashPassword(account.password);
  await withDb((c) =>
    c.query(`INSERT INTO "User" (id, email, "passwordHash", role) VALUES ($1, $2, $3, 'VIEWER')`, [randomUUID(), account.email, hash]),
  );
  return account;
}

/** Open `path` in a new browser context holding only `cookies`; expect to end up on `expected`. */
async function expectLanding(
  browser: Browser,
  cookies: Awaited<ReturnType<import("@playwright/test").BrowserContext["cookies"]>>,
  path: string,
  expected: RegExp,
): Promise<void> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(path);
  // the page may redirect after it has started streaming (on the client): wait for the URL
  await expect(page).toHaveURL(expected);
  if (!expected.source.includes("login")) await expect(page.getByTestId("user-menu")).toBeVisible();
  await context.close();
}

test("signing out ends the session on the server: a copy of the cookie no longer opens pages", async ({ browser, page }) => {
  const user = await freshUser();
  await signInAs(page, user, "/runs");
  const copied = await page.context().cookies();
  await expectLanding(browser, copied, "/runs", /\/runs$/);
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login/);
  await expectLanding(browser, copied, "/runs", /\/login\?next=%2Fruns$/);
});

test("an admin deactivates a user in Settings: the user's open session ends and sign-in is refused", async ({ browser, page }) => {
  const user = await freshUser();
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await signInAs(userPage, user, "/runs");

  await signIn(page, "admin", "/settings");
  const row = page.getByTestId("user-row").filter({ hasText: user.email });
  page.once("dialog", (d) => void d.accept());
  await row.getByTestId("user-toggle-active").click();
  await expect(row.getByTestId("user-deactivated")).toBeVisible();

  await userPage.goto("/runs");
  await expect(userPage).toHaveURL(/\/login/);
  await userPage.getByTestId("login-email").fill(user.email);
  await userPage.getByTestId("login-password").fill(user.password);
  await userPage.getByTestId("login-submit").click();
  await expect(userPage.getByTestId("login-error")).toHaveText("wrong email or password");

  await row.getByTestId("user-toggle-active").click(); // reactivate: no confirmation needed
  await expect(row.getByTestId("user-deactivated")).toHaveCount(0);
  await userContext.close();
});
