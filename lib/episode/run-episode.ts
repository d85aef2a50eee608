import type { EnvironmentConfig, RewardConfig } from "../config/run-config";
import type { ChatMessage, Policy } from "../policy/types";
import { SandboxFailure, type EpisodeEnvironment, type JudgeLimits, type JudgeOutcome } from "./environment";
import { extractCode } from "./extract-code";
import { formatInitialPrompt } from "../feedback/templates";
import { turnReward } from "./reward";
import type { EpisodeProblem, EpisodeResult, PublicVerdict, TurnRecord } from "./types";

export interface RunEpisodeArgs {
  problem: EpisodeProblem;
  sampleIndex: number;
  policy: Policy;
  env: EpisodeEnvironment;
  environment: EnvironmentConfig;
  reward: RewardConfig;
  /** turns already stored by an earlier, interrupted attempt at this episode */
  priorTurns?: TurnRecord[];
  /** persist each turn as it happens, so a crash loses at most the turn in flight */
  onTurn: (turn: TurnRecord) => Promise<void>;
  signal?: AbortSignal;
}

function limitsOf(problem: EpisodeProblem, env: EnvironmentConfig): JudgeLimits {
  return {
    timeLimitMs: problem.timeLimitMs ?? env.defaultTimeLimitMs,
    memoryLimitBytes: problem.memoryLimitBytes ?? env.defaultMemoryLimitBytes,
  };
}

function assertJudged(outcome: JudgeOutcome, what: string): JudgeOutcome {
  const broken = outcome.tests.find((t) => t.verdict === "SANDBOX_ERROR");
  if (outcome.verdict === "SANDBOX_ERROR" || broken) {
    throw new SandboxFailure(`sandbox error while judging ${what}: ${JSON.stringify(broken ?? outcome).slice(0, 500)}`);
  }
  return outcome;
}

/** The conversation the next turn sees: what the last stored turn was sent, its reply and the feedback. */
function conversationAfter(turn: TurnRecord): ChatMessage[] {
  const reply: ChatMessage = turn.tokenData
    ? { role: "assistant", content: turn.reply, tokenIds: turn.tokenData.completionIds }
    : { role: "assistant", content: turn.reply };
  const next: ChatMessage[] = [...turn.messages, reply];
  if (turn.feedback !== null) next.push({ role: "user", content: turn.feedback });
  return next;
}

/**
 * One RLEF episode (RLEF.md §1): prompt → reply → extract code → public tests →
 * feedback, until the public tests pass or the turn limit is reached; the last
 * reply is the submission, judged on the configured hidden tests.
 */
export async function runEpisode(args: RunEpisodeArgs): Promise<EpisodeResult> {
  const { problem, policy, env, environment, reward } = args;
  const turns: TurnRecord[] = [...(args.priorTurns ?? [])];
  const limits = limitsOf(problem, environment);
  const last = turns.at(-1);
  if (last?.final) return outcomeOf(turns);

  let messages: ChatMessage[] = last
    ? conversationAfter(last)
    : [
        ...(environment.systemPrompt ? [{ role: "system" as const, content: environment.systemPrompt }] : []),
        { role: "user", content: formatInitialPrompt(problem.description) },
      ];

  for (let index = turns.length; index < environment.turnLimit; index++) {
    args.signal?.throwIfAborted();
    const reply = await policy.complete(messages, {
      problemId: problem.id, sampleIndex: args.sampleIndex, turnIndex: index, signal: args.signal,
    });
    const { code, rule } = extractCode(reply.content);
    const publicRun = code === null
      ? null
      : assertJudged(await env.judge(code, problem.publicTests, limits, "all"), "the public tests");
    const passedPublic = publicRun !== null && publicRun.verdict === "OK";
    const isFinal = passedPublic || index === environment.turnLimit - 1;

    let final: TurnRecord["final"];
    if (isFinal) {
      const hidden = environment.judgeTests === "public+private+generated"
        ? [...problem.publicTests, ...problem.privateTests, ...problem.generatedTests]
        : [...problem.publicTests, ...problem.privateTests];
      if (code === null) {
        final = { solved: false, verdict: "WRONG_ANSWER", results: [], passed: 0, total: hidden.length };
      } else {
        const judged = assertJudged(await env.judge(code, hidden, limits, "stop-on-first-failure"), "the submission");
        final = { solved: judged.verdict === "OK", verdict: judged.verdict, results: judged.tests, passed: judged.passed, total: judged.total };
      }
    }

    const feedback = isFinal ? null : await feedbackFor(args, index, publicRun);
    const publicVerdict: PublicVerdict = publicRun === null ? "INVALID_CODE" : publicRun.verdict;
    const turn: TurnRecord = {
      index,
      messages,
      reply: reply.content,
      code,
      extractionRule: rule,
      publicVerdict,
      publicPassed: publicRun?.passed ?? 0,
      publicTotal: problem.publicTests.length,
      testResults: publicRun?.tests ?? [],
      feedback,
      rewardParts: turnReward({
        isFinal, hasCode: code !== null, solved: final?.solved ?? false,
        logprobs: reply.tokenData?.logprobs, refLogprobs: reply.refLogprobs, reward,
      }),
      promptTokens: reply.promptTokens,
      completionTokens: reply.completionTokens,
      latencyMs: reply.latencyMs,
      tokenData: reply.tokenData,
      final,
    };
    await args.onTurn(turn);
    turns.push(turn);
    if (isFinal) break;
    messages = conversationAfter(turn);
  }
  return outcomeOf(turns);
}

async function feedbackFor(args: RunEpisodeArgs, index: number, publicRun: JudgeOutcome | null): Promise<string> {
  const { env, environment, problem } = args;
  if (publicRun === null) return env.invalidCodeFeedback();
  if (environment.feedback === "none") return env.retryOnlyFeedback();
  if (environment.feedback === "random") {
    if (!env.randomFeedback) throw new Error("random feedback was asked for but the environment cannot provide it");
    return env.randomFeedback(problem, args.sampleIndex, index, environment.truncateChars);
  }
  return env.executionFeedback(problem.publicTests, publicRun, environment.truncateChars);
}

export function outcomeOf(turns: TurnRecord[]): EpisodeResult {
  const submission = turns.at(-1);
  const firstFailure = turns.find((t) => t.publicVerdict !== "OK");
  const solved = submission?.final?.solved ?? false;
  return {
    turns,
    solved,
    passedPublic: submission?.publicVerdict === "OK",
    finalReward: turns.reduce((sum, t) => sum + t.rewardParts.total, 0),
    invalidCode: turns.some((t) => t.code === null),
    firstErrorKind: firstFailure?.publicVerdict ?? null,
    solvedAtTurn: solved && submission ? submission.index + 1 : null,
  };
}
