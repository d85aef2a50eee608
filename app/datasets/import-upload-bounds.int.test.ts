import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { importProblemsFileAction } from "@/lib/actions/datasets/import-problems-file";
import { createUserWithSession } from "@/lib/actions/testing/action-fixtures";
import { disconnectPrisma, getPrisma } from "@/lib/db/client";

// Issue 13.7 through the datasets page: a gzip bomb upload ends with an error (it used to hang the web
// import for ever), names the user's file and line, writes nothing, and leaves no temp directory behind.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rlef-upload-bounds-"));
const savedTmpdir = process.env.TMPDIR;
// process.env turns undefined into the string "undefined": restore by deleting
const restoreTmpdir = () => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
};
afterAll(async () => {
  restoreTmpdir();
  fs.rmSync(tmp, { recursive: true, force: true });
  await disconnectPrisma();
});

describe("the datasets page import under hostile uploads", () => {
  it("a gzip bomb: a prompt error naming the file and line, nothing written, no temp directory left", async () => {
    const db = getPrisma();
    const admin = await createUserWithSession(db, "ADMIN");
    // 256 MiB of "a" on one line (about 250 KB gzipped): past the 128 MiB line cap
    const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024, 0x61), { level: 1 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const dataset = `bomb-${Math.random().toString(36).slice(2, 8)}`;
    process.env.TMPDIR = tmp; // the action's private upload directory goes here, where we can see it
    const t0 = Date.now();
    const result = await importProblemsFileAction.runWith(
      { db, cookies: admin.cookies() },
      { dataset, split: "test", file: new File([bomb], "bomb.jsonl.gz") },
    );
    const elapsed = Date.now() - t0;
    restoreTmpdir();
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    if (result.ok) return;
    expect(result.error.message).toBe(
      "nothing was imported: bomb.jsonl.gz line 1: longer than 128 MiB (RLEF_IMPORT_MAX_RECORD_MB raises the cap)",
    );
    expect(elapsed).toBeLessThan(30_000);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(await db.dataset.count({ where: { name: dataset } })).toBe(0);
  }, 60_000);

  it("an empty upload that passes the form's size check (a gzip of nothing) creates no dataset", async () => {
    const db = getPrisma();
    const admin = await createUserWithSession(db, "ADMIN");
    const dataset = `empty-${Math.random().toString(36).slice(2, 8)}`;
    process.env.TMPDIR = tmp;
    const result = await importProblemsFileAction.runWith(
      { db, cookies: admin.cookies() },
      { dataset, split: "test", file: new File([gzipSync("\n\n")], "empty.jsonl.gz") },
    );
    restoreTmpdir();
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID_INPUT", message: expect.stringMatching(/empty\.jsonl\.gz: holds no problems/) },
    });
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(await db.dataset.count({ where: { name: dataset } })).toBe(0);
  });

  it("reports limits lowered to the configured maxima in the import's result (the form shows it)", async () => {
    const db = getPrisma();
    const admin = await createUserWithSession(db, "ADMIN");
    const line = JSON.stringify({
      externalId: "huge-1",
      name: "Huge",
      description: "Print 1.",
      publicTests: [{ input: "", output: "1\n" }],
      memoryLimitBytes: 1e15,
    });
    const result = await importProblemsFileAction.runWith(
      { db, cookies: admin.cookies() },
      { dataset: `clamp-${Math.random().toString(36).slice(2, 8)}`, split: "test", file: new File([line + "\n"], "huge.jsonl") },
    );
    expect(result).toMatchObject({
      ok: true,
      data: {
        created: 1,
        clamped: { count: 1, examples: [{ externalId: "huge-1", field: "memoryLimitBytes", from: 1e15, to: 4096 * 1024 * 1024 }] },
      },
    });
  });
});
