import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/sign-in";
import { storedApiKeyCiphertext } from "./fixtures/studio-db";

test("an endpoint's API key is stored encrypted and never sent to the browser", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/settings");
  const name = `e2e endpoint ${Date.now().toString(36)}`;
  const apiKey = `sk-e2e-${randomBytes(12).toString("hex")}`;
  if (await page.getByTestId("endpoint-add").isVisible()) await page.getByTestId("endpoint-add").click();
  await page.getByTestId("endpoint-new-name").fill(name);
  await page.getByTestId("endpoint-new-base-url").fill("http://127.0.0.1:9/v1");
  await page.getByTestId("endpoint-new-model").fill("e2e-model");
  await page.getByTestId("endpoint-new-api-key").fill(apiKey);
  await page.getByTestId("endpoint-new-submit").click();
  const row = page.getByTestId("endpoint-row").filter({ hasText: name });
  await expect(row).toContainText("stored");

  const ciphertext = await storedApiKeyCiphertext(name);
  expect(ciphertext).toMatch(/^v1\./);
  expect(ciphertext).not.toContain(apiKey);

  // Neither the key nor its ciphertext is in the page's HTML, in its RSC payload, or in the DOM.
  const html = await (await page.request.get("/settings")).text();
  const rsc = await (await page.request.get("/settings", { headers: { RSC: "1" } })).text();
  expect(html).toContain(name);
  expect(rsc).toContain(name);
  for (const body of [html, rsc, await page.content()]) {
    expect(body).not.toContain(apiKey);
    expect(body).not.toContain(ciphertext!.split(".")[3]);
  }
});
