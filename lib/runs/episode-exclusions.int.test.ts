import { afterAll, describe, expect, it } from "vitest";
import { environmentConfigSchema, rewardConfigSchema } from "../config/run-config";
import { getPrisma } from "../db/client";
import type { EpisodeEnvironment } from "../episode/environment";
import { createSandboxEnvironment } from "../episode/sandbox-environment";
import { formatInitialPrompt } from "../feedback/templates";
import { runSummarySchema } from "../metrics/run-summary-schema";
import type { Policy } from "../policy/types";
import { testResultSchema } from "../sandbox/test-result-schema";
import { createTestDataset, SUM_REFERENCE, SUM_WRONG } from "../testing/create-test-dataset";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../testing/fake-openai/start-fake-openai-server";
import { createEvalRun } from "./create-eval-run";
import { executeEvalRun } from "./execute-eval-run";
import { loadEpisodeProblem } from "./load-episode-problem";
import { playEpisode } from "./play-episode";

// Issue 10.11 (and 12.2's training sentence): an episode that could not finish is classified. The
// model's fault (context length exceeded, a reply cut at max tokens) is a scored failure; the
// infrastructure's (endpoint errors after retries, sandbox errors) is excluded and counted by reason.

const db = getPrisma();
const servers: FakeOpenAIServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
const fence = (code: string) => `\`\`\`python\n${code}\n\`\`\``;

describe("what an episode that could not finish counts as", () => {
  it("context length exceeded is a failed rollout; endpoint errors are excluded and named beside the metrics", async () => {
    const ds = await createTestDataset(db, { problems: 4 });
    const problems = await db.problem.findMany({ where: { datasetId: ds.id }, orderBy: { externalId: "asc" } });
    const byPrompt = new Map(problems.map((p) => [formatInitialPrompt(p.description), p.externalId]));
    const server = await startFakeOpenAIServer({
      respond: (req) => {
        const problem = byPrompt.get(req.messages[0].content)!;
        const turn = req.messages.filter((m) => m.role === "assistant").length;
        // P000: the conversation outgrows the context at turn 2 (the model's failure)
        if (problem === "P000")
          return turn === 0
            ? fence(SUM_WRONG)
            : {
                status: 400,
                body: {
                  object: "error",
                  message: "This model's maximum context length is 2048 tokens. However, you requested 2100 tokens.",
                  code: 400,
                },
              };
        // P001: the endpoint is down for good (infrastructure)
        if (problem === "P001") return { status: 503, body: "unavailable" };
        // P002: every reply cut at max tokens, an unclosed fence (the model's failure, scored)
        if (problem === "P002") return { content: "```python\na, b = map(int,", finishReason: "length" };
        return fence(SUM_REFERENCE);
      },
    });
    servers.push(server);
    const run = await createEvalRun(db, {
      dataset: ds.name,
      split: "test",
      rolloutsPerProblem: 1,
      concurrency: 4,
      policy: { kind: "openai", baseUrl: server.baseUrl, model: "fake", maxRetries: 1, requestTimeoutMs: 2000 },
    });
    await executeEvalRun(db, run.id, {});
    const episodes = await db.episode.findMany({
      where: { runId: run.id },
      include: { problem: true, turns: { orderBy: { index: "asc" } } },
    });
    const of = (id: string) => episodes.find((e) => e.problem.externalId === id)!;

    expect(of("P000")).toMatchObject({
      status: "COMPLETED",
      solved: false,
      endReason: "context_length_exceeded",
      turnsUsed: 1,
      finalReward: -1,
    });
    expect(of("P000").turns[0].finalResults).toMatchObject({
      solved: false,
      verdict: "CONTEXT_LENGTH_EXCEEDED",
      endedBy: "context_length_exceeded",
    });
    expect(of("P000").turns[0].reward).toBe(-1);
    expect(of("P001")).toMatchObject({ status: "ERRORED", endReason: "endpoint_error", solved: null });
    expect(of("P002")).toMatchObject({ status: "COMPLETED", solved: false, turnsUsed: 3 });
    expect(of("P002").turns.map((t) => t.finishReason)).toEqual(["length", "length", "length"]);
    expect(of("P003")).toMatchObject({ status: "COMPLETED", solved: true });

    const summary = runSummarySchema.parse((await db.run.findUniqueOrThrow({ where: { id: run.id } })).summary);
    expect(summary.episodes).toMatchObject({
      total: 4,
      errored: 1,
      scored: 3,
      excluded: { endpoint_error: 1, sandbox_error: 0, other: 0 },
      excludedText: "1 episode excluded: 1 endpoint error",
      modelFailures: { contextLengthExceeded: 1, repliesCutAtMaxTokens: 3 },
    });
    // the context-length failure counts against 1@3 (it used to be dropped, biasing 1@3 upward): 1 of 3
    expect(summary.oneAtThree.value).toBeCloseTo(1 / 3, 12);
    expect(summary.sampling).toEqual({ temperature: 0.2, topP: 0.95, fromModel: true });
  }, 120_000);

  it("a sandbox error excludes an eval episode by reason, but a training episode keeps it as a failed attempt", async () => {
    const ds = await createTestDataset(db, { problems: 1 });
    const problem = await loadEpisodeProblem(db, (await db.problem.findFirstOrThrow({ where: { datasetId: ds.id } })).id);
    const real = createSandboxEnvironment();
    // the sandbox fails on every judgement (a supervisor crash not caused by the program)
    const broken: EpisodeEnvironment = {
      ...real,
      judge: async (_code, tests) => ({
        verdict: "SANDBOX_ERROR",
        passed: 0,
        total: tests.length,
        tests: [testResultSchema.parse({ index: 0, verdict: "SANDBOX_ERROR", sandboxError: "supervisor died" })],
      }),
    };
    const policy: Policy = { label: "fixed", isModel: true, complete: async () => ({ content: fence(SUM_REFERENCE), latencyMs: 1 }) };
    const base = { problem, policy, env: broken, environment: environmentConfigSchema.parse({}), reward: rewardConfigSchema.parse({}) };
    const runFor = (kind: "EVAL" | "TRAIN") =>
      db.run.create({ data: { kind, name: "x", config: {}, datasetId: ds.id, split: "test", policyLabel: "fixed" } });

    const evalRun = await runFor("EVAL");
    const excluded = await playEpisode(db, { ...base, runId: evalRun.id, sampleIndex: 0 });
    expect(excluded.status).toBe("errored");
    expect(await db.episode.findFirstOrThrow({ where: { runId: evalRun.id } })).toMatchObject({
      status: "ERRORED",
      endReason: "sandbox_error",
    });

    const trainRun = await runFor("TRAIN");
    const kept = await playEpisode(db, { ...base, runId: trainRun.id, sampleIndex: 0, trainStep: 0, sandboxErrors: "fail-attempt" });
    expect(kept.status).toBe("completed");
    const episode = await db.episode.findFirstOrThrow({ where: { runId: trainRun.id }, include: { turns: true } });
    // COMPLETED: submitStepEpisodes sends it to the trainer with its −1, instead of losing it
    expect(episode).toMatchObject({ status: "COMPLETED", solved: false, endReason: "sandbox_error", finalReward: -1, turnsUsed: 1 });
    expect(episode.turns[0]).toMatchObject({ publicVerdict: "SANDBOX_ERROR", reward: -1 });
    expect(episode.turns[0].finalResults).toMatchObject({
      verdict: "SANDBOX_ERROR",
      endedBy: "sandbox_error",
      reason: expect.stringContaining("supervisor died"),
    });
  }, 120_000);
});
