import type { Db } from "../db/client";
import type { PublicVerdict } from "../episode/types";
import type { AttemptOutcome, EpisodeOutcome } from "../metrics/types";
import { summarizeRun } from "../metrics/summarize-run";
import type { RunSummary } from "../metrics/run-summary-schema";
import { evalRunConfigSchema } from "../config/run-config";

/**
 * The run's metrics recomputed from its stored episodes. An attempt that failed
 * the public tests cannot pass the judged tests (they include the public ones),
 * so every attempt's "solved if submitted" is known from the stored rows.
 */
export async function computeRunSummary(db: Db, runId: string, opts: { where?: { trainStep?: number } } = {}): Promise<RunSummary> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { config: true, kind: true } });
  const turnLimit = run.kind === "EVAL" ? evalRunConfigSchema.parse(run.config).environment.turnLimit : undefined;
  const episodes = await db.episode.findMany({
    where: { runId, status: { not: "RUNNING" }, ...opts.where },
    select: {
      problemId: true, sampleIndex: true, status: true, solved: true, passedPublic: true,
      // the code change was measured when each turn was stored: no code is read here
      turns: { orderBy: { index: "asc" }, select: { index: true, publicVerdict: true, extractionRule: true, codeChange: true, identicalToPrevious: true, finalResults: true } },
    },
  });
  const outcomes: EpisodeOutcome[] = episodes.map((e) => ({
    problemId: e.problemId,
    sampleIndex: e.sampleIndex,
    solved: e.solved ?? false,
    passedPublic: e.passedPublic ?? false,
    errored: e.status === "ERRORED",
    turns: e.turns.map((t): AttemptOutcome => ({
      index: t.index,
      hasCode: t.extractionRule !== "none",
      publicVerdict: t.publicVerdict as PublicVerdict,
      solvedIfSubmitted: t.publicVerdict === "OK" ? (t.finalResults as { solved?: boolean } | null)?.solved : false,
      changeFromPrevious: t.codeChange !== null && t.identicalToPrevious !== null ? { change: t.codeChange, identical: t.identicalToPrevious } : undefined,
    })),
  }));
  return summarizeRun(outcomes, { turnLimit });
}
