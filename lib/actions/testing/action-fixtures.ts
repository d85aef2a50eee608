import bcrypt from "bcryptjs";
import { randomUUID } from "node:crypto";
import { createSession } from "../../auth/create-session";
import { SESSION_COOKIE } from "../../auth/session-token";
import type { Db } from "../../db/client";
import type { Role } from "../../db/generated/enums";
import { memoryCookieJar } from "../cookie-jar";

/** Test data for the action tests: unique per call, so tests never see each other's rows. */
export async function createUserWithSession(db: Db, role: Role, password = "correct horse battery") {
  const email = `${role.toLowerCase()}-${randomUUID()}@test.local`;
  // cost 4: the tests check who may do what, not bcrypt's cost
  const user = await db.user.create({
    data: { email, role, passwordHash: await bcrypt.hash(password, 4) },
    select: { id: true, email: true, role: true },
  });
  const { token, sessionId } = await createSession(db, user.id);
  return {
    ...user,
    password,
    token,
    sessionId,
    cookies: () => memoryCookieJar({ [SESSION_COOKIE]: token }),
    /** a second, independent session of the same user (another browser) */
    newSession: async () => {
      const other = await createSession(db, user.id);
      return { ...other, cookies: () => memoryCookieJar({ [SESSION_COOKIE]: other.token }) };
    },
  };
}

export async function createDatasetWithEpisodes(db: Db, opts: { problems?: number; split?: string } = {}) {
  const tag = randomUUID().slice(0, 8);
  const dataset = await db.dataset.create({ data: { name: `ds-${tag}`, source: "test", problemCount: opts.problems ?? 2 } });
  const problems = [];
  for (let i = 0; i < (opts.problems ?? 2); i++) {
    problems.push(
      await db.problem.create({
        data: {
          datasetId: dataset.id,
          externalId: `p${i}-${tag}`,
          name: `Problem ${i}`,
          split: opts.split ?? "test",
          description: "Add two numbers.",
          publicTests: [{ input: "1 2\n", output: "3\n" }],
          privateTests: [{ input: "2 2\n", output: "4\n" }],
          generatedTests: [],
          publicTestCount: 1,
          privateTestCount: 1,
          referenceSolutions: [{ language: "python", code: "print(sum(map(int, input().split())))" }],
          wrongSolutions: [],
        },
      }),
    );
  }
  const run = await db.run.create({
    data: { kind: "EVAL", status: "COMPLETED", name: `run-${tag}`, config: {}, datasetId: dataset.id, split: "test", policyLabel: "demo" },
  });
  const episode = await db.episode.create({
    data: {
      runId: run.id,
      problemId: problems[0].id,
      sampleIndex: 0,
      status: "COMPLETED",
      turnsUsed: 2,
      solved: false,
      passedPublic: false,
    },
  });
  for (const index of [0, 1]) {
    await db.turn.create({
      data: {
        episodeId: episode.id,
        index,
        extractionRule: "python_fence",
        publicVerdict: "WRONG_ANSWER",
        rewardParts: {},
        messages: [],
        reply: "```python\nprint(0)\n```",
        code: "print(0)",
        testResults: [],
        feedback: index === 0 ? "Wrong answer on test 1" : null,
      },
    });
  }
  return { dataset, problems, run, episode };
}
