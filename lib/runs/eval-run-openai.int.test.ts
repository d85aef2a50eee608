import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "../db/client";
import { formatExecutionFeedback } from "../feedback/format-feedback";
import { formatInitialPrompt } from "../feedback/templates";
import type { TestResult } from "../sandbox/types";
import { createTestDataset, SUM_REFERENCE, SUM_WRONG } from "../testing/create-test-dataset";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../testing/fake-openai/start-fake-openai-server";
import { createEvalRun } from "./create-eval-run";
import { executeEvalRun } from "./execute-eval-run";

const db = getPrisma();
const fence = (code: string) => `Sure.\n\n\`\`\`python\n${code}\n\`\`\`\n`;
const servers: FakeOpenAIServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function openaiRun(dataset: string, baseUrl: string, extra: Record<string, unknown> = {}) {
  const run = await createEvalRun(db, {
    dataset,
    split: "test",
    rolloutsPerProblem: 1,
    concurrency: 4,
    policy: { kind: "openai", baseUrl, model: "fake-model", maxRetries: 2, requestTimeoutMs: 1500, ...extra },
  });
  await executeEvalRun(db, run.id, {});
  return db.run.findUniqueOrThrow({ where: { id: run.id } });
}

describe("eval run against an OpenAI-compatible endpoint", () => {
  it("runs 3-turn episodes whose stored messages are the paper's templates, byte for byte", async () => {
    const ds = await createTestDataset(db, { problems: 2 });
    // wrong twice, then right: every episode uses all three turns
    const server = await startFakeOpenAIServer({
      respond: (req) => fence(req.messages.filter((m) => m.role === "assistant").length < 2 ? SUM_WRONG : SUM_REFERENCE),
    });
    servers.push(server);
    const run = await openaiRun(ds.name, server.baseUrl);
    expect(run.status).toBe("COMPLETED");
    const episodes = await db.episode.findMany({
      where: { runId: run.id },
      include: { problem: true, turns: { orderBy: { index: "asc" } } },
    });
    expect(episodes).toHaveLength(2);
    for (const e of episodes) {
      expect(e.turnsUsed).toBe(3);
      expect(e.solved).toBe(true);
      expect(e.finalReward).toBe(1);
      const [t1, t2, t3] = e.turns;
      expect(t1.messages).toEqual([{ role: "user", content: formatInitialPrompt(e.problem.description) }]);
      const publicTests = e.problem.publicTests as { input: string; output: string }[];
      const expectedFeedback = formatExecutionFeedback(
        (t1.testResults as unknown as TestResult[]).map((result) => ({
          input: publicTests[result.index].input,
          expectedOutput: publicTests[result.index].output,
          result,
        })),
      );
      expect(t1.feedback).toBe(expectedFeedback);
      expect(t1.feedback).toBe(
        `Your code failed the following tests:\n\n- input \`${publicTests[0].input}\` failed:\nExpected output \`${publicTests[0].output}\` but got \`${Number(publicTests[0].input.split(" ")[0]) - Number(publicTests[0].input.split(" ")[1])}\n\`\n\nGive it another try.\nYour code should be enclosed in triple backticks like so: \`\`\`python YOUR CODE HERE \`\`\`. Use the backticks for your code only.`,
      );
      expect(t2.messages).toEqual([
        ...(t1.messages as object[]),
        { role: "assistant", content: t1.reply },
        { role: "user", content: t1.feedback },
      ]);
      expect(t3.messages).toEqual([
        ...(t2.messages as object[]),
        { role: "assistant", content: t2.reply },
        { role: "user", content: t2.feedback },
      ]);
      expect(t3.feedback).toBeNull();
      // what we stored is exactly what went over the wire
      const sent = server.requests.filter((r) => r.messages[0]?.content === formatInitialPrompt(e.problem.description));
      expect(sent.map((r) => JSON.stringify(r.messages))).toEqual(e.turns.map((t) => JSON.stringify(t.messages)));
    }
  });

  it("finishes despite 500s, 429s and timeouts, counting the episodes whose retries ran out as errored", async () => {
    const ds = await createTestDataset(db, { problems: 4 });
    const problems = await db.problem.findMany({ where: { datasetId: ds.id }, orderBy: { externalId: "asc" } });
    const byDescription = new Map(problems.map((p) => [formatInitialPrompt(p.description), p.externalId]));
    const seen = new Map<string, number>();
    const server = await startFakeOpenAIServer({
      respond: (req) => {
        const problem = byDescription.get(req.messages[0].content)!;
        const n = (seen.get(problem) ?? 0) + 1;
        seen.set(problem, n);
        if (problem === "P000") return { status: 500, body: { error: { message: "boom" } } }; // always: errored
        if (problem === "P001") return { fault: "hang" }; // always: errored
        if (problem === "P002" && n === 1) return { status: 429, headers: { "retry-after": "0" }, body: {} }; // once: recovers
        if (problem === "P003" && n === 1) return { status: 503, body: "unavailable" }; // once: recovers
        return fence(SUM_REFERENCE);
      },
    });
    servers.push(server);
    const run = await openaiRun(ds.name, server.baseUrl);
    expect(run.status).toBe("COMPLETED");
    expect(run.progressDone).toBe(4);
    expect(run.progressErrored).toBe(2);
    const episodes = await db.episode.findMany({ where: { runId: run.id }, include: { problem: { select: { externalId: true } } } });
    const status = Object.fromEntries(episodes.map((e) => [e.problem.externalId, e.status]));
    expect(status).toEqual({ P000: "ERRORED", P001: "ERRORED", P002: "COMPLETED", P003: "COMPLETED" });
    const errors = Object.fromEntries(episodes.map((e) => [e.problem.externalId, e.error ?? ""]));
    expect(errors.P000).toMatch(/500/);
    expect(errors.P001).toMatch(/timeout/);
    expect(seen.get("P000")).toBe(3); // 1 try + 2 retries
    const summary = run.summary as { episodes: { total: number; errored: number } };
    expect(summary.episodes).toMatchObject({ total: 4, errored: 2 });
  });
});
