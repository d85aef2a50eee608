import { describe, expect, it } from "vitest";
import { PROBLEM, scriptedEnv, fence, scriptedPolicy, reward, play, ALL_JUDGED } from "./run-episode-fixtures";
import { environmentConfigSchema } from "../config/run-config";
import { PolicyError, type PolicyReply } from "../policy/types";
import * as environmentModule from "./environment";
import { REPLY_CAP_CHARS } from "./cap-reply";
import { runEpisode } from "./run-episode";

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
