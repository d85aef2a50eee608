import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { functionTestFailureMessage } from "../../sandbox/function-test";
import { episodeOutcomeSelect } from "./episode-outcome-select";
import { getTestExcerpts, locateJudgedTest, testKey, type TestExcerpt, type TestRef } from "./get-test-excerpts";
import { parseFinalResults, parseTestResults, type StoredSubmissionResult, type StoredTestResult } from "../test-result-schema";

/**
 * The episode page's one read. Heavy columns are read here, for one episode,
 * except the reply, the exact messages and token data, which the page fetches
 * on demand (getTurnReply).
 */
export const episodeDetailSelect = {
  ...episodeOutcomeSelect,
  problemId: true,
  trainStep: true,
  createdAt: true,
  finishedAt: true,
  run: { select: { id: true, name: true, kind: true, status: true, policyLabel: true, config: true, split: true } },
  checkpoint: { select: { id: true, step: true, policyVersion: true } },
  problem: {
    select: {
      id: true,
      name: true,
      externalId: true,
      difficulty: true,
      rating: true,
      tags: true,
      timeLimitMs: true,
      memoryLimitBytes: true,
      description: true,
      publicTestCount: true,
      privateTestCount: true,
      generatedTestCount: true,
      dataset: { select: { id: true, name: true } },
    },
  },
  annotations: {
    select: { id: true, turnIndex: true, note: true, labels: { select: { name: true, color: true } }, author: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.EpisodeSelect;

/** Every turn of the episode (read in parallel with the episode row). */
export const episodeTurnSelect = {
  id: true,
  index: true,
  extractionRule: true,
  publicVerdict: true,
  publicPassed: true,
  publicTotal: true,
  reward: true,
  rewardParts: true,
  promptTokens: true,
  completionTokens: true,
  policyVersion: true,
  codeChange: true,
  identicalToPrevious: true,
  latencyMs: true,
  createdAt: true,
  code: true,
  testResults: true,
  feedback: true,
  finalResults: true,
  finishReason: true,
  feedbackSource: true,
} satisfies Prisma.TurnSelect;

type EpisodeRow = Prisma.EpisodeGetPayload<{ select: typeof episodeDetailSelect }>;
type TurnRow = Prisma.TurnGetPayload<{ select: typeof episodeTurnSelect }>;

export interface RewardPartsView {
  terminal: number | null;
  invalidCode: number | null;
  kl: number | null;
  total: number | null;
}

export type JudgedTestView = StoredTestResult & {
  test: TestExcerpt | null;
  /** a failed function test's AssertionError message, as its feedback quotes it; else null */
  assertion: string | null;
};

export interface TurnDetail extends Omit<TurnRow, "testResults" | "finalResults" | "rewardParts"> {
  rewardParts: RewardPartsView;
  testResults: JudgedTestView[];
  final: (Omit<StoredSubmissionResult, "results"> & { results: JudgedTestView[] }) | null;
}

export interface EpisodeDetail extends EpisodeRow {
  turns: TurnDetail[];
}

/** Final-judgement rows that get their test's input/expected output attached (failures first). */
const MAX_FINAL_EXCERPTS = 20;

function readRewardParts(value: unknown): RewardPartsView {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : null);
  return { terminal: num(v.terminal), invalidCode: num(v.invalidCode), kl: num(v.kl), total: num(v.total) };
}

export async function getEpisodeWithTurns(db: Db, episodeId: string): Promise<EpisodeDetail | null> {
  // two independent reads at once: the episode with its relations, and its turns
  const [episode, turnRows] = await Promise.all([
    db.episode.findUnique({ where: { id: episodeId }, select: episodeDetailSelect }),
    db.turn.findMany({ where: { episodeId }, orderBy: { index: "asc" }, select: episodeTurnSelect }),
  ]);
  if (!episode) return null;
  const counts = episode.problem;

  const parsed = turnRows.map((turn) => ({
    turn,
    results: parseTestResults(turn.testResults),
    final: parseFinalResults(turn.finalResults),
  }));

  const refs = new Map<string, TestRef>();
  for (const { results, final } of parsed) {
    // in-loop tests are a prefix of the judged tests (public first; App. B.3 adds private/generated)
    for (const r of results) {
      const ref = locateJudgedTest(r.index, counts);
      refs.set(testKey(ref), ref);
    }
    const failing = (final?.results ?? []).filter((r) => r.verdict !== "OK").slice(0, MAX_FINAL_EXCERPTS);
    for (const r of failing) {
      const ref = locateJudgedTest(r.index, counts);
      refs.set(testKey(ref), ref);
    }
  }
  const excerpts = await getTestExcerpts(db, episode.problemId, [...refs.values()]);

  const view = (r: StoredTestResult): JudgedTestView => {
    const test = excerpts.get(testKey(locateJudgedTest(r.index, counts))) ?? null;
    const assertion = test?.kind === "function" ? functionTestFailureMessage(r.stdoutHead + r.stdoutTail) : null;
    return { ...r, test, assertion };
  };
  const turns: TurnDetail[] = parsed.map(({ turn, results, final }) => {
    const { testResults: _tr, finalResults: _fr, rewardParts, ...light } = turn;
    return {
      ...light,
      rewardParts: readRewardParts(rewardParts),
      testResults: results.map(view),
      final: final && { ...final, results: final.results.map(view) },
    };
  });
  return { ...episode, turns };
}
