import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopBoss } from "../jobs/boss";
import { sampleCodeContestsRow } from "../problems/codecontests-fixtures";
import { getPrisma } from "../db/client";
import { hasRole } from "../auth/roles";
import { memoryCookieJar } from "./cookie-jar";
import type { AnyAction } from "./define-action";
import { ACTIONS, PUBLIC_ACTION_NAMES, VIEWER_MUTATION_NAMES } from "./registry";
import { createDatasetWithEpisodes, createUserWithSession } from "./testing/action-fixtures";

const db = getPrisma();
type Fixtures = Awaited<ReturnType<typeof setup>>;

async function setup() {
  const data = await createDatasetWithEpisodes(db);
  const admin = await createUserWithSession(db, "ADMIN");
  const annotator = await createUserWithSession(db, "ANNOTATOR");
  const viewer = await createUserWithSession(db, "VIEWER");
  // the user the user-management actions act on: they end that user's sessions, not the callers'
  const target = await createUserWithSession(db, "VIEWER");
  const label = await db.annotationLabel.create({ data: { name: `label-${data.run.id}` } });
  const annotation = await db.annotation.create({ data: { episodeId: data.episode.id, note: "n", authorId: annotator.id } });
  const endpoint = await db.modelEndpoint.create({ data: { name: `ep-${data.run.id}`, baseUrl: "http://127.0.0.1:9/v1", model: "m" } });
  return { ...data, admin, annotator, viewer, target, label, annotation, endpoint };
}

/** A valid input for every action, so a refusal can only come from the role check. */
function sampleInputs(f: Fixtures): Record<string, unknown> {
  const queue = { runId: f.run.id, filters: { outcome: "failed" } };
  return {
    signIn: { email: f.viewer.email, password: f.viewer.password },
    signOut: {},
    createUser: { email: `new-${f.run.id}@test.local`, role: "admin" },
    updateUserRole: { userId: f.target.id, role: "admin" },
    resetUserPassword: { userId: f.target.id },
    setUserActive: { userId: f.target.id, active: false },
    createEndpoint: { name: `new-${f.run.id}`, baseUrl: "http://127.0.0.1:9/v1", model: "m", apiKey: "sk-x" },
    updateEndpoint: { id: f.endpoint.id, name: f.endpoint.name, baseUrl: "http://127.0.0.1:9/v1", model: "m2", apiKeyChange: "keep" },
    deleteEndpoint: { id: f.endpoint.id },
    launchEvalRun: { "policy.source": "demo", dataset: f.dataset.name, split: "test" },
    launchTrainRun: { "trainer.baseUrl": "http://127.0.0.1:9", dataset: f.dataset.name, split: "test", "eval.every": 0 },
    cancelRun: { runId: f.run.id },
    createAnnotation: { episodeId: f.episode.id, labelIds: [f.label.id], note: "x" },
    updateAnnotation: { id: f.annotation.id, labelIds: [f.label.id] },
    deleteAnnotation: { id: f.annotation.id },
    createLabel: { name: `other-${f.run.id}` },
    updateLabel: { id: f.label.id, name: `renamed-${f.run.id}` },
    claimQueueItem: { queue },
    submitQueueItem: { queue, episodeId: f.episode.id, labelIds: [f.label.id] },
    skipQueueItem: { queue, episodeId: f.episode.id },
    exportAnnotations: { format: "jsonl" },
    importProblemsFile: {
      dataset: `upload-${f.run.id}`,
      split: "test",
      file: new File([JSON.stringify({ ...sampleCodeContestsRow(0), name: `upload-${f.run.id}` }) + "\n"], "problems.jsonl"),
    },
  };
}

/** Everything an action could have written; a refused call must leave it unchanged. */
async function snapshot(f: Fixtures) {
  return {
    runs: await db.run.findMany({ where: { datasetId: f.dataset.id }, select: { id: true, status: true } }),
    users: await db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, passwordHash: true, deactivatedAt: true } }),
    sessions: await db.session.findMany({ where: { revokedAt: { not: null } }, orderBy: { id: "asc" }, select: { id: true } }),
    endpoints: await db.modelEndpoint.findMany({ orderBy: { id: "asc" } }),
    annotations: await db.annotation.findMany({ orderBy: { id: "asc" }, include: { labels: { select: { id: true } } } }),
    labels: await db.annotationLabel.findMany({ orderBy: { id: "asc" } }),
    datasets: await db.dataset.count(),
  };
}

const all = Object.values(ACTIONS) as AnyAction[];
const guarded = all.filter((a) => !(PUBLIC_ACTION_NAMES as readonly string[]).includes(a.definition.name));

describe("every action checks the session and the role", () => {
  let f: Fixtures;
  let inputs: Record<string, unknown>;
  beforeAll(async () => {
    f = await setup();
    inputs = sampleInputs(f);
  });
  afterAll(() => stopBoss());

  it("has unique names, a sample input each, and no public action but sign-in", () => {
    const names = all.map((a) => a.definition.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => !(n in inputs))).toEqual([]);
    expect(all.filter((a) => a.definition.role === "public").map((a) => a.definition.name)).toEqual([...PUBLIC_ACTION_NAMES]);
    const viewerMutations = all.filter((a) => a.definition.role === "viewer" && a.definition.kind === "mutation");
    expect(viewerMutations.map((a) => a.definition.name)).toEqual([...VIEWER_MUTATION_NAMES]);
  });

  it.each(guarded.map((a) => [a.definition.name, a] as const))(
    "%s refuses a signed-out caller and a forged cookie",
    async (name, action) => {
      const before = await snapshot(f);
      const signedOut = await action.runWith({ db, cookies: memoryCookieJar() }, inputs[name]);
      expect(signedOut).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
      const forged = await action.runWith(
        { db, cookies: memoryCookieJar({ rlef_session: `${f.admin.token.slice(0, -4)}AAAA` }) },
        inputs[name],
      );
      expect(forged).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
      expect(await snapshot(f)).toEqual(before);
    },
  );

  const mutations = guarded.filter(
    (a) => a.definition.kind === "mutation" && !(VIEWER_MUTATION_NAMES as readonly string[]).includes(a.definition.name),
  );
  it.each(mutations.map((a) => [a.definition.name, a] as const))(
    "%s refuses a viewer, and an annotator when it needs admin",
    async (name, action) => {
      const before = await snapshot(f);
      const asViewer = await action.runWith({ db, cookies: f.viewer.cookies() }, inputs[name]);
      expect(asViewer).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      if (!hasRole("ANNOTATOR", action.definition.role as "admin")) {
        const asAnnotator = await action.runWith({ db, cookies: f.annotator.cookies() }, inputs[name]);
        expect(asAnnotator).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      }
      expect(await snapshot(f)).toEqual(before);
    },
  );

  // Last, because it changes the fixtures: proves each sample input is valid, so the refusals above
  // come from the role check and not from a bad input. Registry order puts edits before deletes.
  it("lets an admin run every action with its sample input", async () => {
    const failures: string[] = [];
    for (const action of all) {
      // signing out ends the session it runs in: it gets a session of its own
      const cookies = action.definition.name === "signOut" ? (await f.admin.newSession()).cookies() : f.admin.cookies();
      const result = await action.runWith({ db, cookies }, inputs[action.definition.name]);
      if (!result.ok)
        failures.push(
          `${action.definition.name}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fieldErrors ?? {})}`,
        );
    }
    expect(failures).toEqual([]);
  });

  it("lets a viewer run read-only actions", async () => {
    const result = await ACTIONS.exportAnnotationsAction.runWith({ db, cookies: f.viewer.cookies() }, inputs.exportAnnotations);
    expect(result.ok).toBe(true);
  });

  it("rejects a deleted user's still-valid cookie", async () => {
    const gone = await createUserWithSession(db, "ADMIN");
    await db.user.delete({ where: { id: gone.id } });
    const result = await ACTIONS.createLabelAction.runWith({ db, cookies: gone.cookies() }, { name: "never" });
    expect(result).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("applies a role change at once, not when the cookie expires", async () => {
    const user = await createUserWithSession(db, "ADMIN");
    await db.user.update({ where: { id: user.id }, data: { role: "VIEWER" } });
    const result = await ACTIONS.createLabelAction.runWith({ db, cookies: user.cookies() }, { name: `demoted-${user.id}` });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});
