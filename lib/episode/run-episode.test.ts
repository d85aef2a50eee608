import { describe, expect, it } from "vitest";
import { environmentConfigSchema, rewardConfigSchema, type EnvironmentConfig } from "../config/run-config";
import { PolicyError, type ChatMessage, type Policy, type PolicyCallContext, type PolicyReply } from "../policy/types";
import * as environmentModule from "./environment";
import type { EpisodeEnvironment, JudgeLimits, JudgeOutcome, RandomFeedbackRequest } from "./environment";
import { REPLY_CAP_CHARS } from "./cap-reply";
import { runEpisode, type RunEpisodeArgs } from "./run-episode";
import type { TestCase } from "../problems/problem-record";
import { testResultSchema } from "../sandbox/test-result-schema";
import type { EpisodeProblem, TurnRecord, Verdict } from "./types";

// runEpisode through its EpisodeEnvironment interface only: a scripted judge (no sandbox), a scripted
// policy (no endpoint), no database. A test's input names its list ("pub…", "priv…", "gen…"), and a
// program is a word saying how it does on them.

const test = (input: string): TestCase => ({ input, output: `${input}-out` });
const PROBLEM: EpisodeProblem = {
  id: "row-1",
  externalId: "1548_C. The Three Little Pigs",
  description: "Add two numbers",
  publicTests: [test("pub0"), test("pub1")],
  privateTests: [test("priv0"), test("priv1"), test("priv2")],
  generatedTests: [test("gen0"), test("gen1")],
  timeLimitMs: 2000,
  memoryLimitBytes: 256 * 1024 * 1024,
};

/** verdict of program `code` on `input` */
function verdictOf(code: string, input: string): Verdict {
  switch (code) {
    case "right":
      return "OK";
    case "wrong":
      return "WRONG_ANSWER";
    case "crash":
      return "RUNTIME_ERROR";
    case "public-only":
      return input.startsWith("pub") ? "OK" : "WRONG_ANSWER";
    case "not-generated":
      return input.startsWith("gen") ? "WRONG_ANSWER" : "OK";
    case "broken-sandbox":
      return "SANDBOX_ERROR";
    case "broken-on-hidden":
      return input.startsWith("pub") ? "OK" : "SANDBOX_ERROR";
    default:
      return input.startsWith("pub") || input.startsWith("priv") ? "OK" : "WRONG_ANSWER";
  }
}

interface JudgeCall {
  code: string;
  inputs: string[];
  mode: string;
  limits: JudgeLimits;
}

function scriptedEnv(opts: { random?: boolean } = {}) {
  const calls: JudgeCall[] = [];
  const feedbackCalls: { inputs: string[]; failing: number[]; maxFailures?: number }[] = [];
  const randomCalls: RandomFeedbackRequest[] = [];
  const env: EpisodeEnvironment = {
    async judge(code, tests, limits, mode) {
      calls.push({ code, inputs: tests.map((t) => t.input), mode, limits });
      const results = [];
      for (const [index, t] of tests.entries()) {
        const verdict = verdictOf(code, t.input);
        results.push(testResultSchema.parse({ index, verdict }));
        if (mode === "stop-on-first-failure" && verdict !== "OK") break;
      }
      const firstBad = results.find((r) => r.verdict !== "OK");
      return {
        verdict: firstBad?.verdict ?? "OK",
        passed: results.filter((r) => r.verdict === "OK").length,
        total: tests.length,
        tests: results,
      } as JudgeOutcome;
    },
    executionFeedback(tests, outcome, _truncate, maxFailures) {
      const failing = outcome.tests.filter((t) => t.verdict !== "OK").map((t) => t.index);
      feedbackCalls.push({ inputs: tests.map((t) => t.input), failing, maxFailures });
      const shown = maxFailures === undefined ? failing : failing.slice(0, maxFailures);
      return `FEEDBACK ${shown.map((i) => tests[i].input).join(",")}`;
    },
    invalidCodeFeedback: () => "NO CODE BLOCK",
    retryOnlyFeedback: () => "Give it another try.",
    ...(opts.random
      ? {
          async randomFeedback(request: RandomFeedbackRequest) {
            randomCalls.push(request);
            return { text: `RANDOM ${request.turnIndex}`, source: { kind: "donor" as const, problem: "other", solution: 2, tries: 1 } };
          },
        }
      : {}),
  };
  return { env, calls, feedbackCalls, randomCalls };
}

const fence = (code: string) => `Here you go.\n\n\`\`\`python\n${code}\n\`\`\`\n`;
const NO_CODE = "I would sort the values first.";

type Scripted = string | PolicyReply | Error;

function scriptedPolicy(replies: Scripted[]) {
  const requests: { messages: ChatMessage[]; ctx: PolicyCallContext }[] = [];
  const policy: Policy = {
    label: "scripted",
    isModel: true,
    async complete(messages, ctx) {
      requests.push({ messages: structuredClone(messages), ctx });
      const next = replies[ctx.turnIndex];
      if (next === undefined) throw new Error(`no scripted reply for turn ${ctx.turnIndex}`);
      if (next instanceof Error) throw next;
      if (typeof next === "string") return { content: next === NO_CODE ? NO_CODE : fence(next), latencyMs: 1, finishReason: "stop" };
      return next;
    },
  };
  return { policy, requests };
}

const reward = rewardConfigSchema.parse({});

async function play(
  replies: Scripted[],
  opts: {
    environment?: Partial<EnvironmentConfig>;
    problem?: EpisodeProblem;
    random?: boolean;
    priorTurns?: TurnRecord[];
    sandboxErrors?: RunEpisodeArgs["sandboxErrors"];
  } = {},
) {
  const { env, calls, feedbackCalls, randomCalls } = scriptedEnv({ random: opts.random });
  const { policy, requests } = scriptedPolicy(replies);
  const stored: TurnRecord[] = [];
  const amended: TurnRecord[] = [];
  const outcome = await runEpisode({
    problem: opts.problem ?? PROBLEM,
    sampleIndex: 4,
    policy,
    env,
    environment: environmentConfigSchema.parse(opts.environment ?? {}),
    reward,
    priorTurns: opts.priorTurns,
    sandboxErrors: opts.sandboxErrors,
    onTurn: async (t) => {
      stored.push(t);
    },
    onTurnAmended: async (t) => {
      amended.push(t);
    },
  });
  return { outcome, calls, feedbackCalls, randomCalls, requests, stored, amended };
}

const inputs = (list: TestCase[]) => list.map((t) => t.input);
const ALL_JUDGED = inputs([...PROBLEM.publicTests, ...PROBLEM.privateTests, ...PROBLEM.generatedTests]);

describe("runEpisode: the loop", () => {
  it("stops at the first reply that passes the public tests; that reply is the submission", async () => {
    const { outcome, calls, stored } = await play(["wrong", "right", "wrong"]);
    expect(outcome.turns).toHaveLength(2);
    expect(stored.map((t) => t.index)).toEqual([0, 1]);
    expect(outcome).toMatchObject({ solved: true, passedPublic: true, solvedAtTurn: 2, finalReward: 1, endReason: null });
    expect(stored[1].feedback).toBeNull();
    expect(stored[1].final).toMatchObject({ solved: true, verdict: "OK", total: ALL_JUDGED.length });
    // in-loop: the public tests, every one; the submission: all judged tests, stopping at the first failure
    expect(calls.map((c) => [c.code, c.mode, c.inputs.length])).toEqual([
      ["wrong", "all", 2],
      ["right", "all", 2],
      ["right", "stop-on-first-failure", ALL_JUDGED.length],
    ]);
    expect(calls[0].limits).toEqual({ timeLimitMs: 2000, memoryLimitBytes: 256 * 1024 * 1024 });
  });

  it("submits the last reply at the turn limit, whatever its public verdict, with no feedback after it", async () => {
    const { outcome, stored, calls } = await play(["wrong", "crash", "wrong"]);
    expect(stored).toHaveLength(3);
    expect(stored.map((t) => t.publicVerdict)).toEqual(["WRONG_ANSWER", "RUNTIME_ERROR", "WRONG_ANSWER"]);
    expect(stored.map((t) => t.feedback)).toEqual(["FEEDBACK pub0,pub1", "FEEDBACK pub0,pub1", null]);
    expect(stored.map((t) => t.final === undefined)).toEqual([true, true, false]);
    expect(stored[2].final).toMatchObject({ solved: false, verdict: "WRONG_ANSWER" });
    expect(calls.at(-1)).toMatchObject({ code: "wrong", mode: "stop-on-first-failure" });
    expect(outcome).toMatchObject({
      solved: false,
      passedPublic: false,
      solvedAtTurn: null,
      finalReward: -1,
      firstErrorKind: "WRONG_ANSWER",
    });
  });

  it("sends each turn the whole conversation: problem, every reply and every feedback", async () => {
    const { requests, stored } = await play(["wrong", NO_CODE, "right"]);
    expect(requests[0].messages).toHaveLength(1);
    expect(requests[0].messages[0].role).toBe("user");
    expect(requests[2].messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant", "user"]);
    expect(requests[2].messages[3].content).toBe(stored[1].reply);
    expect(requests[2].messages[4].content).toBe("NO CODE BLOCK");
    expect(requests.map((r) => r.ctx)).toMatchObject([0, 1, 2].map((turnIndex) => ({ turnIndex, sampleIndex: 4, problemId: "row-1" })));
  });
});

describe("runEpisode: the final judged test set per mode", () => {
  it("public + private + generated by default (evaluation, App. B.3)", async () => {
    const { outcome, calls } = await play(["not-generated"]);
    expect(calls.at(-1)!.inputs).toEqual(ALL_JUDGED);
    expect(outcome.solved).toBe(false);
  });

  it("public + private when generated tests are not judged (the paper's training reward)", async () => {
    const { outcome, calls } = await play(["not-generated"], { environment: { judgeTests: "public+private" } });
    expect(calls.at(-1)!.inputs).toEqual(inputs([...PROBLEM.publicTests, ...PROBLEM.privateTests]));
    expect(outcome.solved).toBe(true);
  });

  it("never judges the submission on the public tests alone: a public-only solution fails", async () => {
    const { outcome, calls } = await play(["public-only"]);
    expect(calls.at(-1)!.inputs.slice(0, 2)).toEqual(["pub0", "pub1"]);
    expect(outcome).toMatchObject({ solved: false, passedPublic: true, finalReward: -1 });
  });
});

describe("runEpisode: invalid code", () => {
  it("on a non-final turn: no judging, the no-code-block feedback, −0.2", async () => {
    const { stored, calls } = await play([NO_CODE, "right"]);
    expect(stored[0]).toMatchObject({
      code: null,
      extractionRule: "none",
      publicVerdict: "INVALID_CODE",
      publicPassed: 0,
      feedback: "NO CODE BLOCK",
    });
    expect(stored[0].rewardParts).toMatchObject({ invalidCode: -0.2, terminal: 0, total: -0.2 });
    expect(calls.map((c) => c.code)).toEqual(["right", "right"]);
    expect(stored[1].rewardParts.total).toBe(1);
  });

  it("on the final turn: a failed submission, −1 and not −1.2, nothing judged", async () => {
    const { stored, outcome, calls } = await play(["wrong", "wrong", NO_CODE]);
    expect(stored[2].final).toEqual({ solved: false, verdict: "WRONG_ANSWER", results: [], passed: 0, total: ALL_JUDGED.length });
    expect(stored[2].rewardParts).toMatchObject({ terminal: -1, invalidCode: 0, total: -1 });
    expect(calls).toHaveLength(2);
    expect(outcome).toMatchObject({ invalidCode: true, finalReward: -1 });
  });
});

describe("runEpisode: feedback modes", () => {
  it("execution: the failing in-loop tests of this reply, all of them (no cap)", async () => {
    const { feedbackCalls } = await play(["crash", "right"]);
    expect(feedbackCalls).toEqual([{ inputs: ["pub0", "pub1"], failing: [0, 1], maxFailures: undefined }]);
  });

  it('none (App. B.5): only "Give it another try.", even after a reply without code, and never an early stop', async () => {
    const { stored, outcome, calls } = await play(["right", NO_CODE, "wrong"], { environment: { feedback: "none" } });
    expect(stored).toHaveLength(3);
    expect(stored.map((t) => t.feedback)).toEqual(["Give it another try.", "Give it another try.", null]);
    // the public tests still run on every reply (for the per-turn analysis) but decide nothing
    expect(stored.map((t) => t.publicVerdict)).toEqual(["OK", "INVALID_CODE", "WRONG_ANSWER"]);
    // the last reply is the submission, even though the first one was right
    expect(calls.at(-1)).toMatchObject({ code: "wrong", mode: "stop-on-first-failure" });
    expect(outcome).toMatchObject({ solved: false, finalReward: -1 - 0.2 });
    expect(stored[1].rewardParts.invalidCode).toBe(-0.2);
  });

  it("none: a last reply that is right is solved, after all the turns", async () => {
    const { outcome } = await play(["wrong", "wrong", "right"], { environment: { feedback: "none" } });
    expect(outcome).toMatchObject({ solved: true, solvedAtTurn: 3 });
  });

  it("random (App. C.2): feedback from the environment's donor, its source recorded; a true public pass still ends the episode", async () => {
    const { stored, randomCalls, feedbackCalls } = await play(["wrong", "right"], { environment: { feedback: "random" }, random: true });
    expect(stored).toHaveLength(2);
    expect(stored[0].feedback).toBe("RANDOM 0");
    expect(stored[0].feedbackSource).toEqual({ kind: "donor", problem: "other", solution: 2, tries: 1 });
    expect(randomCalls[0]).toMatchObject({
      sampleIndex: 4,
      turnIndex: 0,
      defaultLimits: { timeLimitMs: 10_000, memoryLimitBytes: 1024 ** 3 },
    });
    expect(randomCalls[0].problem.externalId).toBe(PROBLEM.externalId);
    expect(feedbackCalls).toHaveLength(0);
  });

  it("random without a donor source is an error, not silently the real feedback", async () => {
    await expect(play(["wrong", "right"], { environment: { feedback: "random" } })).rejects.toThrow(/random feedback/);
  });

  it("public+hidden (App. B.3): each reply runs on the first N of public, private, generated; at most M failures shown", async () => {
    const { calls, feedbackCalls, stored } = await play(["wrong", "right"], {
      environment: { feedbackTests: "public+hidden", feedbackTestCount: 6, feedbackMaxFailures: 4 },
    });
    expect(calls[0].inputs).toEqual(["pub0", "pub1", "priv0", "priv1", "priv2", "gen0"]);
    expect(calls[0].mode).toBe("all");
    expect(feedbackCalls[0]).toMatchObject({ failing: [0, 1, 2, 3, 4, 5], maxFailures: 4 });
    expect(stored[0].feedback).toBe("FEEDBACK pub0,pub1,priv0,priv1");
    expect(stored[0].publicTotal).toBe(6);
    expect(calls[2].inputs).toEqual(ALL_JUDGED);
  });

  it("public+hidden: a reply passing the public tests but failing a hidden in-loop test does not stop the episode", async () => {
    const { stored } = await play(["public-only", "right"], { environment: { feedbackTests: "public+hidden" } });
    expect(stored).toHaveLength(2);
    expect(stored[0].publicVerdict).toBe("WRONG_ANSWER");
  });

  it("public+hidden draws in-loop tests only from the judged tests", async () => {
    const { calls } = await play(["right"], { environment: { feedbackTests: "public+hidden", judgeTests: "public+private" } });
    expect(calls[0].inputs).toEqual(["pub0", "pub1", "priv0", "priv1", "priv2"]);
  });
});

describe("runEpisode: resume from stored turns", () => {
  it("continues after the last stored turn with the stored conversation", async () => {
    const first = await play(["wrong", "right"]);
    const { requests, stored, outcome } = await play(["unused", "right"], { priorTurns: [first.stored[0]] });
    expect(requests).toHaveLength(1);
    expect(requests[0].ctx.turnIndex).toBe(1);
    expect(requests[0].messages).toEqual(first.requests[1].messages);
    expect(stored.map((t) => t.index)).toEqual([1]);
    expect(outcome.turns).toHaveLength(2);
    expect(outcome).toMatchObject({ solved: true, finalReward: 1, solvedAtTurn: 2 });
  });

  it("does nothing when the stored episode already has its submission", async () => {
    const first = await play(["right"]);
    const { requests, calls, outcome } = await play([], { priorTurns: first.stored });
    expect(requests).toHaveLength(0);
    expect(calls).toHaveLength(0);
    expect(outcome.solved).toBe(true);
  });

  it("replays the exact sampled token ids of a stored reply", async () => {
    const tokens = { promptIds: [1, 2], completionIds: [7, 8, 9], logprobs: [-0.1, -0.2, -0.3] };
    const first = await play([{ content: fence("wrong"), latencyMs: 1, tokenData: tokens }, "right"]);
    const { requests } = await play(["unused", "right"], { priorTurns: [first.stored[0]] });
    expect(requests[0].messages[1]).toMatchObject({ role: "assistant", tokenIds: [7, 8, 9] });
  });
});

describe("runEpisode: reward parts", () => {
  it("terminal on the last turn only, −0.2 for code-less non-final replies, the KL term from per-token means", async () => {
    const kl = (logprobs: number[], refLogprobs: number[]): PolicyReply => ({
      content: fence("wrong"),
      latencyMs: 1,
      tokenData: { promptIds: [1], completionIds: logprobs.map((_, i) => i), logprobs },
      refLogprobs,
    });
    const { stored, outcome } = await play([
      kl([-1, -1], [-2, -2]),
      { ...kl([-0.5], [-0.5]), content: NO_CODE },
      { ...kl([-1, -3], [-1, -1]), content: fence("right") },
    ]);
    expect(stored[0].rewardParts).toEqual({ terminal: 0, invalidCode: 0, kl: -0.05 * 1, total: -0.05 });
    expect(stored[1].rewardParts).toEqual({ terminal: 0, invalidCode: -0.2, kl: -0, total: -0.2 });
    expect(stored[2].rewardParts.terminal).toBe(1);
    expect(stored[2].rewardParts.kl).toBeCloseTo(-0.05 * -1, 12);
    expect(outcome.finalReward).toBeCloseTo(-0.05 - 0.2 + 1 + 0.05, 12);
  });
});

describe("runEpisode: what can end an episode early", () => {
  it("refuses a problem without public tests before any request (it would end at turn 1 without feedback)", async () => {
    const noPublic = { ...PROBLEM, publicTests: [] };
    const { env, calls } = scriptedEnv();
    const { policy, requests } = scriptedPolicy(["right"]);
    const run = runEpisode({
      problem: noPublic,
      sampleIndex: 0,
      policy,
      env,
      environment: environmentConfigSchema.parse({}),
      reward,
      onTurn: async () => {},
    });
    await expect(run).rejects.toBeInstanceOf(environmentModule.EmptyTestSetError);
    await expect(run).rejects.toThrow(/never OK/);
    expect(requests).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it("an attempt the sandbox cannot judge: evaluation excludes the episode (SandboxFailure)", async () => {
    await expect(play(["broken-sandbox"])).rejects.toBeInstanceOf(environmentModule.SandboxFailure);
    await expect(play(["broken-on-hidden"])).rejects.toBeInstanceOf(environmentModule.SandboxFailure);
  });

  it("training keeps it as a failed attempt with its reason (issue 12.2), on the in-loop tests and on the hidden ones", async () => {
    const inLoop = await play(["wrong", "broken-sandbox", "right"], { sandboxErrors: "fail-attempt" });
    expect(inLoop.stored).toHaveLength(2);
    expect(inLoop.stored[1]).toMatchObject({ publicVerdict: "SANDBOX_ERROR", feedback: null });
    expect(inLoop.stored[1].final).toMatchObject({ solved: false, verdict: "SANDBOX_ERROR", endedBy: "sandbox_error" });
    expect(inLoop.stored[1].final!.reason).toMatch(/sandbox error while judging the in-loop tests/);
    expect(inLoop.stored[1].rewardParts.terminal).toBe(-1);
    expect(inLoop.outcome).toMatchObject({ solved: false, endReason: "sandbox_error", finalReward: -1 });

    const hidden = await play(["broken-on-hidden"], { sandboxErrors: "fail-attempt" });
    expect(hidden.stored[0].final).toMatchObject({ solved: false, verdict: "SANDBOX_ERROR", endedBy: "sandbox_error" });
    expect(hidden.outcome).toMatchObject({ endReason: "sandbox_error", finalReward: -1 });
  });

  it("the conversation outgrowing the model's context is the model's failure: the last reply becomes a failed submission", async () => {
    const overflow = new PolicyError("HTTP 400: This model's maximum context length is 4096 tokens", "context_length", 400);
    const { outcome, stored, amended } = await play(["wrong", overflow]);
    expect(stored).toHaveLength(1);
    expect(amended).toHaveLength(1);
    expect(amended[0].index).toBe(0);
    expect(amended[0].final).toMatchObject({
      solved: false,
      verdict: "CONTEXT_LENGTH_EXCEEDED",
      endedBy: "context_length_exceeded",
      total: ALL_JUDGED.length,
    });
    expect(amended[0].rewardParts).toMatchObject({ terminal: -1, total: -1 });
    expect(amended[0].feedback).toBe(stored[0].feedback);
    expect(outcome).toMatchObject({ solved: false, endReason: "context_length_exceeded", finalReward: -1 });
    expect(outcome.turns).toHaveLength(1);
  });

  it("a problem that alone overflows the context: a failed rollout with no turn", async () => {
    const { outcome, stored } = await play([new PolicyError("maximum context length", "context_length", 400)]);
    expect(stored).toHaveLength(0);
    expect(outcome).toMatchObject({ solved: false, endReason: "context_length_exceeded", finalReward: -1, turns: [] });
  });

  it("any other endpoint failure propagates (the caller excludes the episode as an endpoint error)", async () => {
    await expect(play(["wrong", new PolicyError("HTTP 503", "http", 503, 7)])).rejects.toMatchObject({ kind: "http" });
  });
});

describe("runEpisode: what goes to the policy", () => {
  it("names the problem by its stable external id (per-request seeds derive from it)", async () => {
    const { requests } = await play(["wrong", "right"]);
    expect(requests.map((r) => r.ctx.problemKey)).toEqual([PROBLEM.externalId, PROBLEM.externalId]);
  });

  it("records the endpoint's finish_reason; a reply cut at max tokens is scored, not excluded", async () => {
    const cut: PolicyReply = { content: "```python\nprint(", latencyMs: 1, finishReason: "length" };
    const { stored, outcome } = await play(["wrong", "wrong", cut]);
    expect(stored[2]).toMatchObject({ finishReason: "length", code: null, publicVerdict: "INVALID_CODE" });
    expect(outcome).toMatchObject({ solved: false, finalReward: -1, endReason: null });
  });

  it("keeps a pathological 4 MB reply only up to the cap, with the marker, in the turn and in the next request", async () => {
    // 4 MB of fences that never close, then code: a quadratic extraction would stall here for minutes.
    const huge: PolicyReply = { content: fence("wrong") + "````py\nnoise\n".repeat(300_000), latencyMs: 1, finishReason: "stop" };
    const { stored, requests } = await play([huge, "right"]);
    expect(stored[0].reply.length).toBeLessThan(REPLY_CAP_CHARS + 200);
    expect(stored[0].reply).toMatch(/\[RLEF Studio: reply cut at 131072 of \d+ characters; the rest was not kept\]$/);
    expect(stored[0]).toMatchObject({ code: "wrong", publicVerdict: "WRONG_ANSWER" });
    const sentBack = requests[1].messages.find((m) => m.role === "assistant");
    expect(sentBack?.content).toBe(stored[0].reply);
  });
});
