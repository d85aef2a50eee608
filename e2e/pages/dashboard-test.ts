import os from "node:os";
import path from "node:path";
import { test as base, expect } from "@playwright/test";
import { ensureE2eAccount, signInAs } from "../fixtures/sign-in";

/**
 * `test` with a signed-in viewer (the dashboard's pages need nothing more):
 * one sign-in per worker through the real login form, its cookies reused by
 * every test's context.
 */
export const test = base.extend<object, { viewerStorageState: string }>({
  viewerStorageState: [
    async ({ browser }, use, workerInfo) => {
      const page = await browser.newPage({ baseURL: workerInfo.project.use.baseURL });
      await signInAs(page, await ensureE2eAccount("viewer"));
      const file = path.join(os.tmpdir(), `rlef-e2e-viewer-${process.pid}-${workerInfo.workerIndex}.json`);
      await page.context().storageState({ path: file });
      await page.close();
      await use(file);
    },
    { scope: "worker" },
  ],
  storageState: ({ viewerStorageState }, use) => use(viewerStorageState),
});

export { expect };
