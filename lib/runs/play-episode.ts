import type { EnvironmentConfig, RewardConfig } from "../config/run-config";
import type { Db } from "../db/client";
import { SandboxFailure, type EpisodeEnvironment } from "../episode/environment";
import { runEpisode } from "../episode/run-episode";
import type { EpisodeProblem, EpisodeResult } from "../episode/types";
import { PolicyError, type Policy } from "../policy/types";
import { amendTurnEnding, finishEpisode, loadStoredTurns, openEpisode, saveTurn } from "./episode-store";

export type PlayResult =
  | { status: "completed"; episodeId: string; outcome: EpisodeResult }
  | { status: "errored"; episodeId: string; error: string }
  | { status: "already-finished"; episodeId: string };

/**
 * Play (or resume) one episode of a run and store it. Idempotent: the unique
 * (run, problem, sample) key and stored turns mean a retry continues where the
 * last attempt stopped and never counts an episode twice.
 */
export async function playEpisode(
  db: Db,
  args: {
    runId: string;
    problem: EpisodeProblem;
    sampleIndex: number;
    policy: Policy;
    env: EpisodeEnvironment;
    environment: EnvironmentConfig;
    reward: RewardConfig;
    checkpointId?: string | null;
    trainStep?: number | null;
    signal?: AbortSignal;
    /** failures that must pause the run rather than end the episode (training: the trainer being down) */
    isPauseWorthy?: (err: unknown) => boolean;
    /** see RunEpisodeArgs.sandboxErrors: evaluations exclude, training keeps a failed attempt */
    sandboxErrors?: "exclude" | "fail-attempt";
  },
): Promise<PlayResult> {
  const ep = await openEpisode(db, {
    runId: args.runId,
    problemId: args.problem.id,
    sampleIndex: args.sampleIndex,
    checkpointId: args.checkpointId ?? null,
    trainStep: args.trainStep ?? null,
  });
  if (ep.status !== "RUNNING") return { status: "already-finished", episodeId: ep.id };
  const key = { id: ep.id, runId: args.runId, problemId: args.problem.id };
  const priorTurns = await loadStoredTurns(db, ep.id);
  let previousCode = priorTurns.at(-1)?.code ?? null;
  try {
    const outcome = await runEpisode({
      problem: args.problem,
      sampleIndex: args.sampleIndex,
      policy: args.policy,
      env: args.env,
      environment: args.environment,
      reward: args.reward,
      priorTurns,
      signal: args.signal,
      sandboxErrors: args.sandboxErrors,
      onTurn: async (turn) => {
        await saveTurn(db, ep.id, turn, previousCode);
        previousCode = turn.code;
      },
      onTurnAmended: (turn) => amendTurnEnding(db, ep.id, turn),
    });
    await finishEpisode(db, key, { outcome });
    return { status: "completed", episodeId: ep.id, outcome };
  } catch (err) {
    if (args.signal?.aborted || args.isPauseWorthy?.(err)) throw err;
    if (err instanceof PolicyError || err instanceof SandboxFailure) {
      const error =
        err instanceof PolicyError
          ? `policy ${err.kind}${err.status ? ` ${err.status}` : ""} after ${err.attempts} attempt(s): ${err.message}`
          : err.message;
      // infrastructure, not the model: excluded from the metrics and counted by reason beside them
      await finishEpisode(db, key, { error, reason: err instanceof PolicyError ? "endpoint_error" : "sandbox_error" });
      return { status: "errored", episodeId: ep.id, error };
    }
    throw err;
  }
}
