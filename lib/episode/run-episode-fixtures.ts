import { environmentConfigSchema, rewardConfigSchema, type EnvironmentConfig } from "../config/run-config";
import { type ChatMessage, type Policy, type PolicyCallContext, type PolicyReply } from "../policy/types";
import type { EpisodeEnvironment, JudgeLimits, JudgeOutcome, RandomFeedbackRequest } from "./environment";
import { runEpisode, type RunEpisodeArgs } from "./run-episode";
import type { TestCase } from "../problems/problem-record";
import { testResultSchema } from "../sandbox/test-result-schema";
import type { EpisodeProblem, TurnRecord, Verdict } from "./types";

/** Scripted environment, policy and problem for the runEpisode tests (run-episode*.test.ts). */

// runEpisode through its EpisodeEnvironment interface only: a scripted judge (no sandbox), a scripted
// policy (no endpoint), no database. A test's input names its list ("pub…", "priv…", "gen…"), and a
// program is a word saying how it does on them.

export const test = (input: string): TestCase => ({ input, output: `${input}-out` });
export const PROBLEM: EpisodeProblem = {
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
export function verdictOf(code: string, input: string): Verdict {
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

export interface JudgeCall {
  code: string;
  inputs: string[];
  mode: string;
  limits: JudgeLimits;
}

export function scriptedEnv(opts: { random?: boolean } = {}) {
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

export const fence = (code: string) => `Here you go.\n\n\`\`\`python\n${code}\n\`\`\`\n`;
export const NO_CODE = "I would sort the values first.";

export type Scripted = string | PolicyReply | Error;

export function scriptedPolicy(replies: Scripted[]) {
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

export const reward = rewardConfigSchema.parse({});

export async function play(
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

export const inputs = (list: TestCase[]) => list.map((t) => t.input);
export const ALL_JUDGED = inputs([...PROBLEM.publicTests, ...PROBLEM.privateTests, ...PROBLEM.generatedTests]);
