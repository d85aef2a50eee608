import type { Db } from "../db/client";
import { SandboxFailure } from "../episode/environment";
import { runEpisode, type RunEpisodeArgs } from "../episode/run-episode";
import type { EpisodeResult } from "../episode/types";
import { PolicyError } from "../policy/types";
import { amendTurnEnding, finishEpisode, loadStoredTurns, openEpisode, saveTurn } from "./episode-store";

export type PlayResult =
  | { status: "completed"; episodeId: string; outcome: EpisodeResult }
  | { status: "errored"; episodeId: string; error: string }
  | { status: "already-finished"; episodeId: string };

/** What one episode is played with (see RunEpisodeArgs: evaluations exclude sandbox errors, training keeps a failed attempt), and where it is stored. */
export type PlayEpisodeArgs = Pick<
  RunEpisodeArgs,
  "problem" | "sampleIndex" | "policy" | "env" | "environment" | "reward" | "signal" | "sandboxErrors"
> & {
  runId: string;
  checkpointId?: string | null;
  trainStep?: number | null;
  /** failures that must pause the run rather than end the episode (training: the trainer being down) */
  isPauseWorthy?: (err: unknown) => boolean;
};

/**
 * Play (or resume) one episode of a run and store it. Idempotent: the unique
 * (run, problem, sample) key and stored turns mean a retry continues where the
 * last attempt stopped and never counts an episode twice.
 */
export async function playEpisode(db: Db, args: PlayEpisodeArgs): Promise<PlayResult> {
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
