import { describe, expect, it } from "vitest";
import { createAnnotationAction } from "../actions/annotations/create-annotation";
import { deleteAnnotationAction } from "../actions/annotations/delete-annotation";
import { createDatasetWithEpisodes, createUserWithSession } from "../actions/testing/action-fixtures";
import { getPrisma } from "../db/client";
import { claimNextItem, leaveItem } from "./claim-next-item";
import { createMemoryClaimStore } from "./claim-store";
import { ensureDefaultLabels } from "./ensure-default-labels";
import { getQueueProgress } from "./queue-progress";
import type { QueueSpec } from "./queue-spec";

const db = getPrisma();

async function runWithFailedEpisodes(count: number) {
  const data = await createDatasetWithEpisodes(db, { problems: count });
  for (let i = 1; i < count; i++) {
    await db.episode.create({
      data: { runId: data.run.id, problemId: data.problems[i].id, sampleIndex: 0, status: "COMPLETED", turnsUsed: 1, solved: false },
    });
  }
  await db.episode.create({
    data: { runId: data.run.id, problemId: data.problems[0].id, sampleIndex: 1, status: "COMPLETED", turnsUsed: 1, solved: true },
  });
  return data;
}

describe("annotation queue", () => {
  it("gives two reviewers different items, keeps each on theirs, and frees a claim when it expires", async () => {
    const data = await runWithFailedEpisodes(4);
    const spec: QueueSpec = { runId: data.run.id, filters: { outcome: "failed" } };
    const store = createMemoryClaimStore(60_000);
    const t0 = 1_000_000;
    const a1 = await claimNextItem(db, store, spec, "alice", t0);
    const b1 = await claimNextItem(db, store, spec, "bob", t0);
    expect(a1).toBeTruthy();
    expect(b1).toBeTruthy();
    expect(b1).not.toBe(a1);
    // a reload shows the same item
    expect(await claimNextItem(db, store, spec, "alice", t0 + 1)).toBe(a1);

    const progress = await getQueueProgress(db, store, spec, "alice", t0 + 1);
    expect(progress).toEqual({ total: 4, done: 0, inReviewByOthers: 1 });

    // alice skips: she moves on, and does not get the skipped item again; bob could
    leaveItem(store, spec, a1!, "alice", { skip: true });
    const a2 = await claimNextItem(db, store, spec, "alice", t0 + 2);
    expect([a1, b1]).not.toContain(a2);

    // carol and dave take what is free; bob's claim, never renewed, expires and erin gets his item
    const c1 = await claimNextItem(db, store, spec, "carol", t0 + 30_000);
    expect(c1).toBe(a1);
    const d1 = await claimNextItem(db, store, spec, "dave", t0 + 30_000);
    expect(new Set([a1, b1, a2, d1]).size).toBe(4);
    expect(await claimNextItem(db, store, spec, "erin", t0 + 30_000)).toBeNull();
    expect(await claimNextItem(db, store, spec, "erin", t0 + 61_000)).toBe(b1);
  });

  it("counts an annotated episode as done and never offers it again", async () => {
    const data = await runWithFailedEpisodes(2);
    const annotator = await createUserWithSession(db, "ANNOTATOR");
    await ensureDefaultLabels(db);
    const label = await db.annotationLabel.findFirstOrThrow({ where: { name: "wrong algorithm" } });
    const spec: QueueSpec = { runId: data.run.id, filters: { outcome: "failed" } };
    const store = createMemoryClaimStore();

    const first = await claimNextItem(db, store, spec, annotator.id);
    const created = await createAnnotationAction.runWith(
      { db, cookies: annotator.cookies() },
      { episodeId: first, turnIndex: 0, labelIds: [label.id], note: "greedy is wrong here" },
    );
    expect(created.ok).toBe(true);
    leaveItem(store, spec, first!, annotator.id, { skip: false });
    expect(await getQueueProgress(db, store, spec, annotator.id)).toMatchObject({ total: 2, done: 1 });
    const second = await claimNextItem(db, store, spec, annotator.id);
    expect(second).not.toBe(first);
    leaveItem(store, spec, second!, annotator.id, { skip: true });
    expect(await claimNextItem(db, store, spec, annotator.id)).toBeNull();

    // the label filter of the run page finds the episode
    const found = await db.episode.findMany({
      where: { runId: data.run.id, annotations: { some: { labels: { some: { name: "wrong algorithm" } } } } },
      select: { id: true },
    });
    expect(found.map((e) => e.id)).toEqual([first]);
  });

  it("validates annotations: a label or a note, an existing turn, and only the author or an admin deletes", async () => {
    const data = await runWithFailedEpisodes(1);
    const annotator = await createUserWithSession(db, "ANNOTATOR");
    const other = await createUserWithSession(db, "ANNOTATOR");
    const admin = await createUserWithSession(db, "ADMIN");
    const empty = await createAnnotationAction.runWith({ db, cookies: annotator.cookies() }, { episodeId: data.episode.id });
    expect(empty).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", fieldErrors: { labelIds: expect.any(Array) } } });
    const badTurn = await createAnnotationAction.runWith(
      { db, cookies: annotator.cookies() },
      { episodeId: data.episode.id, turnIndex: 5, note: "x" },
    );
    expect(badTurn).toMatchObject({ ok: false, error: { fieldErrors: { turnIndex: ["the episode has 2 turns"] } } });
    const ok = await createAnnotationAction.runWith(
      { db, cookies: annotator.cookies() },
      { episodeId: data.episode.id, turnIndex: 1, note: "resubmitted" },
    );
    if (!ok.ok) throw new Error(JSON.stringify(ok.error));
    expect(await deleteAnnotationAction.runWith({ db, cookies: other.cookies() }, { id: ok.data.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await deleteAnnotationAction.runWith({ db, cookies: admin.cookies() }, { id: ok.data.id })).toMatchObject({ ok: true });
  });

  it("seeds the default labels once", async () => {
    await ensureDefaultLabels(db);
    const again = await ensureDefaultLabels(db);
    expect(again.created).toBe(0);
    const names = (await db.annotationLabel.findMany({ select: { name: true } })).map((l) => l.name);
    for (const name of ["ignores feedback", "resubmits same code", "correct but judged wrong"]) expect(names).toContain(name);
  });
});
