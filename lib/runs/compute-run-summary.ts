import type { Db } from "../db/client";
import type { PublicVerdict } from "../episode/types";
import { EXCLUSION_REASONS, type AttemptOutcome, type EpisodeOutcome, type ExclusionReason } from "../metrics/types";
import { summarizeRun } from "../metrics/summarize-run";
import type { RunSummary } from "../metrics/run-summary-schema";
import type { RunSampling } from "../metrics/sampling-comparability";
import { evalRunConfigSchema } from "../config/run-config";

const asExclusion = (reason: string | null): ExclusionReason =>
  (EXCLUSION_REASONS as readonly string[]).includes(reason ?? "") ? (reason as ExclusionReason) : "other";

/**
 * The run's metrics recomputed from its stored episodes. An attempt that failed
 * the in-loop tests cannot pass the judged tests (they include the in-loop ones),
 * so every attempt's "solved if submitted" is known from the stored rows.
 */
export async function computeRunSummary(db: Db, runId: string, opts: { where?: { trainStep?: number } } = {}): Promise<RunSummary> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { config: true, kind: true } });
  const config = run.kind === "EVAL" ? evalRunConfigSchema.parse(run.config) : null;
  // the demo policy samples nothing: its n@k is reported with the configured values and marked as such
  const sampling: RunSampling = config
    ? { temperature: config.sampling.temperature, topP: config.sampling.topP, fromModel: config.policy.kind !== "demo" }
    : null;
  const episodes = await db.episode.findMany({
    where: { runId, status: { not: "RUNNING" }, ...opts.where },
    select: {
      problemId: true,
      sampleIndex: true,
      status: true,
      solved: true,
      passedPublic: true,
      endReason: true,
      // the code change was measured when each turn was stored: no code is read here
      turns: {
        orderBy: { index: "asc" },
        select: {
          index: true,
          publicVerdict: true,
          extractionRule: true,
          codeChange: true,
          identicalToPrevious: true,
          finalResults: true,
          finishReason: true,
        },
      },
    },
  });
  const outcomes: EpisodeOutcome[] = episodes.map((e) => ({
    problemId: e.problemId,
    sampleIndex: e.sampleIndex,
    solved: e.solved ?? false,
    passedPublic: e.passedPublic ?? false,
    errored: e.status === "ERRORED",
    ...(e.status === "ERRORED" ? { exclusion: asExclusion(e.endReason) } : { endReason: e.endReason }),
    turns: e.turns.map((t): AttemptOutcome => ({
      index: t.index,
      hasCode: t.extractionRule !== "none",
      publicVerdict: t.publicVerdict as PublicVerdict,
      solvedIfSubmitted: t.publicVerdict === "OK" ? (t.finalResults as { solved?: boolean } | null)?.solved : false,
      changeFromPrevious:
        t.codeChange !== null && t.identicalToPrevious !== null ? { change: t.codeChange, identical: t.identicalToPrevious } : undefined,
      ...(t.finishReason !== null ? { finishReason: t.finishReason } : {}),
    })),
  }));
  return summarizeRun(outcomes, { turnLimit: config?.environment.turnLimit, sampling });
}
