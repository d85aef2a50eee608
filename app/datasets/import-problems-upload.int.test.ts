import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createUserWithSession } from "@/lib/actions/testing/action-fixtures";
import { disconnectPrisma, getPrisma } from "@/lib/db/client";
import { importProblemsFileAction } from "@/lib/actions/datasets/import-problems-file";

const record = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    externalId: `up-${i}`,
    name: `Uploaded ${i}`,
    description: "Print 1.",
    publicTests: [{ input: "", output: "1\n" }],
    ...extra,
  });

afterAll(async () => {
  await disconnectPrisma();
});

describe("importProblemsFile action (the datasets page upload)", () => {
  it("imports a valid JSONL upload into a new dataset, and re-importing it is a no-op", async () => {
    const db = getPrisma();
    const admin = await createUserWithSession(db, "ADMIN");
    const dataset = `upload-${randomUUID().slice(0, 8)}`;
    const file = new File([`${record(1)}\n${record(2)}\n`], "problems.jsonl");
    const result = await importProblemsFileAction.runWith({ db, cookies: admin.cookies() }, { dataset, split: "valid", file });
    expect(result).toMatchObject({ ok: true, data: { created: 2, alreadyImported: false } });
    const problems = await db.problem.findMany({ where: { dataset: { name: dataset } }, select: { split: true } });
    expect(problems.map((p) => p.split)).toEqual(["valid", "valid"]);
    const again = await importProblemsFileAction.runWith(
      { db, cookies: admin.cookies() },
      { dataset, split: "valid", file: new File([`${record(1)}\n${record(2)}\n`], "problems.jsonl") },
    );
    expect(again).toMatchObject({ ok: true, data: { alreadyImported: true, created: 0 } });
  });

  it("rejects a bad line naming the uploaded file, line and field, and writes nothing", async () => {
    const db = getPrisma();
    const admin = await createUserWithSession(db, "ADMIN");
    const dataset = `bad-${randomUUID().slice(0, 8)}`;
    const file = new File([`${record(1)}\n${record(2, { publicTests: [{ input: "1" }] })}\n`], "mine.jsonl");
    const result = await importProblemsFileAction.runWith({ db, cookies: admin.cookies() }, { dataset, split: "test", file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("INVALID_INPUT");
    expect(result.error.message).toMatch(/mine\.jsonl line 2, field publicTests\[0\]\.output/);
    expect(result.error.message).not.toMatch(/rlef-upload-/);
    expect(await db.dataset.count({ where: { name: dataset } })).toBe(0);
  });

  it("validates the form before touching anything and refuses non-admins", async () => {
    const db = getPrisma();
    const admin = await createUserWithSession(db, "ADMIN");
    const wrongType = await importProblemsFileAction.runWith(
      { db, cookies: admin.cookies() },
      { dataset: "x", split: "test", file: new File(["{}"], "notes.txt") },
    );
    expect(wrongType).toMatchObject({
      ok: false,
      error: { code: "INVALID_INPUT", fieldErrors: { file: [expect.stringContaining(".jsonl")] } },
    });
    const viewer = await createUserWithSession(db, "VIEWER");
    const refused = await importProblemsFileAction.runWith(
      { db, cookies: viewer.cookies() },
      { dataset: "x", split: "test", file: new File([record(1)], "a.jsonl") },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});
