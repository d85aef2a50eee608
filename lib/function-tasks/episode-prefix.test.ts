import { describe, expect, it } from "vitest";
import { environmentConfigSchema, rewardConfigSchema } from "../config/run-config";
import type { EpisodeEnvironment, JudgeOutcome } from "../episode/environment";
import { runEpisode } from "../episode/run-episode";
import type { EpisodeProblem, TurnRecord } from "../episode/types";
import { createDemoPolicy } from "../policy/demo-policy";
import type { ChatMessage, PolicyCallContext } from "../policy/types";
import { testResultSchema } from "../sandbox/test-result-schema";
import { functionTestCase } from "../sandbox/function-test";

// The HumanEval+ wiring of the episode (App. C.4): the first message is the HumanEval+ prompt, every
// request ends with the prefilled response (```python + the function prompt), the stored reply is
// prefix + continuation, and the feedback call is told the problem's style.

const prompt = 'def add(a, b):\n    """Add two numbers."""\n';
const PROBLEM: EpisodeProblem = {
  id: "p1",
  externalId: "HumanEval/999",
  description: prompt,
  publicTests: [
    functionTestCase({ mode: "assert", entry: "add", code: "_rlef_tc.assertEqual(candidate(1, 2), 3)", show: "assert add(1, 2) == 3" }),
  ],
  privateTests: [functionTestCase({ mode: "call", entry: "add", show: "add(2, 2)", args: "[2, 2]", expected: { py: "4" } })],
  generatedTests: [],
  timeLimitMs: null,
  memoryLimitBytes: null,
  promptStyle: "humanevalplus",
};

describe("HumanEval+ episodes", () => {
  it("prefill the response with the function prompt and store prefix + continuation; feedback gets the style", async () => {
    const right = `${prompt}    return a + b\n`;
    const wrong = `${prompt}    return a - b\n`;
    const seen: { messages: ChatMessage[]; ctx: PolicyCallContext }[] = [];
    const demo = createDemoPolicy({ seed: 3, solutionsOf: () => ({ reference: [right], wrong: [wrong] }) });
    const policy = {
      ...demo,
      complete: (messages: ChatMessage[], ctx: PolicyCallContext) => {
        seen.push({ messages, ctx });
        return demo.complete(messages, ctx);
      },
    };
    const styles: unknown[] = [];
    const env: EpisodeEnvironment = {
      async judge(code, tests) {
        const ok = code.includes("a + b");
        const results = tests.map((_, index) => testResultSchema.parse({ index, verdict: ok ? "OK" : "WRONG_ANSWER" }));
        return { verdict: ok ? "OK" : "WRONG_ANSWER", passed: ok ? tests.length : 0, total: tests.length, tests: results } as JudgeOutcome;
      },
      executionFeedback: (_t, _o, _c, _m, style) => {
        styles.push(style);
        return "FEEDBACK";
      },
      invalidCodeFeedback: () => "NO CODE",
      retryOnlyFeedback: () => "RETRY",
    };
    const turns: TurnRecord[] = [];
    // sample 1 of seed 3 lands on a scenario that fails first (checked below), so feedback is asked for
    let sample = 0;
    for (; sample < 20; sample++) {
      turns.length = 0;
      styles.length = 0;
      seen.length = 0;
      await runEpisode({
        problem: PROBLEM,
        sampleIndex: sample,
        policy,
        env,
        environment: environmentConfigSchema.parse({}),
        reward: rewardConfigSchema.parse({}),
        onTurn: async (t) => {
          turns.push(t);
        },
      });
      if (turns.length > 1 && turns[0].code !== null) break;
    }
    expect(seen[0].messages[0]).toEqual({
      role: "user",
      content: `Write a solution to the following problem and make sure that it passes the tests:\n${prompt}`,
    });
    expect(seen[0].messages.at(-1)).toEqual({ role: "assistant", content: `\`\`\`python\n${prompt}` });
    expect(seen[0].ctx.responsePrefix).toBe(`\`\`\`python\n${prompt}`);
    expect(turns[0].reply.startsWith(`\`\`\`python\n${prompt}`)).toBe(true);
    expect(turns[0].code?.startsWith(prompt)).toBe(true);
    expect(styles[0]).toBe("humanevalplus");
    // the next turn's history holds the whole reply, not the prefix twice
    expect(seen[1].messages.filter((m) => m.role === "assistant")[0].content).toBe(turns[0].reply);
  });
});
