import type { EnvironmentConfig, RewardConfig } from "../config/run-config";
import { PolicyError, type ChatMessage, type Policy, type PolicyReply } from "../policy/types";
import { EmptyTestSetError, SandboxFailure, type EpisodeEnvironment, type JudgeLimits, type JudgeOutcome } from "./environment";
import { capReply } from "./cap-reply";
import { extractCode } from "./extract-code";
import { initialPromptOf, responsePrefixOf } from "../function-tasks/episode-prompts";
import { turnReward } from "./reward";
import { judgedTestsOf, loopTestsOf } from "./test-sets";
import type { EpisodeProblem, EpisodeResult, FeedbackSource, PublicVerdict, SubmissionResult, TurnRecord } from "./types";

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
  /**
   * Persist a stored turn again: the episode ended right after it (the endpoint refused the next
   * request as longer than the model's context), so it becomes the failed submission.
   */
  onTurnAmended?: (turn: TurnRecord) => Promise<void>;
  /**
   * What an attempt the sandbox could not judge becomes. "exclude" (evaluation): SandboxFailure is
   * thrown, the episode is marked errored and shown as excluded. "fail-attempt" (training, issue 12.2):
   * the attempt is the episode's failed submission, with the sandbox's reason, so a policy can never
   * escape its negative reward by breaking its own judging.
   */
  sandboxErrors?: "exclude" | "fail-attempt";
  signal?: AbortSignal;
}

function limitsOf(problem: EpisodeProblem, env: EnvironmentConfig): JudgeLimits {
  return {
    timeLimitMs: problem.timeLimitMs ?? env.defaultTimeLimitMs,
    memoryLimitBytes: problem.memoryLimitBytes ?? env.defaultMemoryLimitBytes,
  };
}

/** A judgement the sandbox failed; kept only in "fail-attempt" mode. */
interface Unjudged {
  sandboxError: string;
  outcome: JudgeOutcome;
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
 * One RLEF episode (docs/method.md §1.2): prompt → reply → extract code → in-loop tests →
 * feedback, until the in-loop tests pass or the turn limit is reached; the last
 * reply is the submission, judged on the configured hidden tests. In the
 * no-feedback ablation (App. B.5) the episode never stops early.
 */
export async function runEpisode(args: RunEpisodeArgs): Promise<EpisodeResult> {
  const { problem, policy, environment, reward } = args;
  const turns: TurnRecord[] = [...(args.priorTurns ?? [])];
  const limits = limitsOf(problem, environment);
  const loopTests = loopTestsOf(problem, environment);
  const judgedTests = judgedTestsOf(problem, environment);
  // Refused before any request: a problem without tests would pass vacuously (issue 10.4).
  if (loopTests.length === 0) throw new EmptyTestSetError(problem.externalId, "the replies (in-loop tests)");
  if (judgedTests.length === 0) throw new EmptyTestSetError(problem.externalId, "the submission");
  const last = turns.at(-1);
  if (last?.final) return outcomeOf(turns);

  let messages: ChatMessage[] = last
    ? conversationAfter(last)
    : [
        ...(environment.systemPrompt ? [{ role: "system" as const, content: environment.systemPrompt }] : []),
        { role: "user", content: initialPromptOf(problem) },
      ];

  for (let index = turns.length; index < environment.turnLimit; index++) {
    args.signal?.throwIfAborted();
    let reply: PolicyReply;
    const prefix = responsePrefixOf(problem);
    try {
      // App. C.4: the response starts with the function prompt; the policy continues it, the reply is both
      reply = await policy.complete(prefix === null ? messages : [...messages, { role: "assistant", content: prefix }], {
        problemId: problem.id,
        problemKey: problem.externalId,
        sampleIndex: args.sampleIndex,
        turnIndex: index,
        signal: args.signal,
        ...(prefix === null ? {} : { responsePrefix: prefix }),
      });
      if (prefix !== null) reply = { ...reply, content: prefix + reply.content };
    } catch (err) {
      if (err instanceof PolicyError && err.kind === "context_length") return endedByContextLength(args, turns, judgedTests.length, err);
      throw err;
    }
    const content = capReply(reply.content); // what the episode keeps of the reply, everywhere
    const { code, rule } = extractCode(content);
    const loopRun = code === null ? null : await judge(args, code, loopTests, limits, "all", "the in-loop tests");
    const unjudged = loopRun !== null && "sandboxError" in loopRun ? loopRun : null;
    const loopOutcome = loopRun !== null && !("sandboxError" in loopRun) ? loopRun : (unjudged?.outcome ?? null);
    const passedLoop = loopOutcome !== null && unjudged === null && loopOutcome.verdict === "OK";
    // App. B.5: without feedback the paper always asks for every follow-up; the last reply is the submission.
    const stopsEarly = environment.feedback !== "none" && passedLoop;
    const isFinal = stopsEarly || unjudged !== null || index === environment.turnLimit - 1;

    let final: SubmissionResult | undefined;
    if (unjudged) {
      final = failedBySandbox(unjudged, judgedTests.length);
    } else if (isFinal) {
      if (code === null) {
        final = { solved: false, verdict: "WRONG_ANSWER", results: [], passed: 0, total: judgedTests.length };
      } else {
        const judged = await judge(args, code, judgedTests, limits, "stop-on-first-failure", "the submission");
        final =
          "sandboxError" in judged
            ? failedBySandbox(judged, judgedTests.length)
            : {
                solved: judged.verdict === "OK",
                verdict: judged.verdict,
                results: judged.tests,
                passed: judged.passed,
                total: judged.total,
              };
      }
    }

    const given = isFinal ? null : await feedbackFor(args, index, loopOutcome);
    const publicVerdict: PublicVerdict = unjudged ? "SANDBOX_ERROR" : loopOutcome === null ? "INVALID_CODE" : loopOutcome.verdict;
    const turn: TurnRecord = {
      index,
      messages,
      reply: content,
      code,
      extractionRule: rule,
      publicVerdict,
      publicPassed: loopOutcome?.passed ?? 0,
      publicTotal: loopTests.length,
      testResults: loopOutcome?.tests ?? [],
      feedback: given?.text ?? null,
      rewardParts: turnReward({
        isFinal,
        hasCode: code !== null,
        solved: final?.solved ?? false,
        logprobs: reply.tokenData?.logprobs,
        refLogprobs: reply.refLogprobs,
        reward,
      }),
      promptTokens: reply.promptTokens,
      completionTokens: reply.completionTokens,
      latencyMs: reply.latencyMs,
      tokenData: reply.tokenData,
      ...(reply.finishReason !== undefined ? { finishReason: reply.finishReason } : {}),
      ...(given?.source ? { feedbackSource: given.source } : {}),
      final,
    };
    await args.onTurn(turn);
    turns.push(turn);
    if (isFinal) break;
    messages = conversationAfter(turn);
  }
  return outcomeOf(turns);
}

async function judge(
  args: RunEpisodeArgs,
  code: string,
  tests: EpisodeProblem["publicTests"],
  limits: JudgeLimits,
  mode: "all" | "stop-on-first-failure",
  what: string,
): Promise<JudgeOutcome | Unjudged> {
  if (tests.length === 0) throw new EmptyTestSetError(args.problem.externalId, what);
  const outcome = await args.env.judge(code, tests, limits, mode);
  const broken = outcome.tests.find((t) => t.verdict === "SANDBOX_ERROR");
  if (outcome.verdict !== "SANDBOX_ERROR" && !broken) return outcome;
  const message = `sandbox error while judging ${what}: ${JSON.stringify(broken ?? outcome).slice(0, 500)}`;
  if (args.sandboxErrors === "fail-attempt") return { sandboxError: message, outcome };
  throw new SandboxFailure(message);
}

function failedBySandbox(unjudged: Unjudged, total: number): SubmissionResult {
  return {
    solved: false,
    verdict: "SANDBOX_ERROR",
    results: unjudged.outcome.tests,
    passed: unjudged.outcome.passed,
    total,
    endedBy: "sandbox_error",
    reason: unjudged.sandboxError,
  };
}

/**
 * The endpoint refused the next request as longer than the model's context: the model's failure
 * (issue 10.11), scored as a failed rollout. The last stored turn becomes the failed submission and
 * carries the terminal reward; with no turn at all (the problem alone overflows) the outcome has none.
 */
async function endedByContextLength(
  args: RunEpisodeArgs,
  turns: TurnRecord[],
  judgedTotal: number,
  err: PolicyError,
): Promise<EpisodeResult> {
  const final: SubmissionResult = {
    solved: false,
    verdict: "CONTEXT_LENGTH_EXCEEDED",
    results: [],
    passed: 0,
    total: judgedTotal,
    endedBy: "context_length_exceeded",
    reason: err.message.slice(0, 1000),
  };
  const last = turns.at(-1);
  if (!last) {
    return { ...outcomeOf([]), finalReward: args.reward.failure, endReason: "context_length_exceeded" };
  }
  const terminal = args.reward.failure;
  const parts = { ...last.rewardParts, terminal };
  parts.total = parts.terminal + parts.invalidCode + parts.kl;
  const amended: TurnRecord = { ...last, final, rewardParts: parts };
  await (args.onTurnAmended ?? args.onTurn)(amended);
  turns[turns.length - 1] = amended;
  return outcomeOf(turns);
}

async function feedbackFor(
  args: RunEpisodeArgs,
  index: number,
  loopRun: JudgeOutcome | null,
): Promise<{ text: string; source?: FeedbackSource }> {
  const { env, environment, problem } = args;
  // App. B.5: the same follow-up whatever the reply was, a reply without code included.
  if (environment.feedback === "none") return { text: env.retryOnlyFeedback() };
  if (loopRun === null) return { text: env.invalidCodeFeedback() };
  if (environment.feedback === "random") {
    if (!env.randomFeedback) throw new Error("random feedback was asked for but the environment cannot provide it");
    return env.randomFeedback({
      problem,
      sampleIndex: args.sampleIndex,
      turnIndex: index,
      truncateChars: environment.truncateChars,
      defaultLimits: { timeLimitMs: environment.defaultTimeLimitMs, memoryLimitBytes: environment.defaultMemoryLimitBytes },
    });
  }
  const maxFailures = environment.feedbackTests === "public+hidden" ? environment.feedbackMaxFailures : undefined;
  return {
    text: env.executionFeedback(
      loopTestsOf(problem, environment),
      loopRun,
      environment.truncateChars,
      maxFailures,
      problem.promptStyle ?? null,
    ),
  };
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
    endReason: submission?.final?.endedBy ?? null,
  };
}
