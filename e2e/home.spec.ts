import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/sign-in";

test("the home page shows the demo data once signed in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/); // every page needs a session
  await signIn(page, "viewer", "/");
  await expect(page.getByRole("heading", { name: "RLEF Studio" })).toBeVisible();
  await expect(page.getByTestId("count-datasets")).toContainText(/[1-9]\d* datasets?/);
  await expect(page.getByTestId("count-runs")).toContainText(/[1-9]\d* runs?/);
});
