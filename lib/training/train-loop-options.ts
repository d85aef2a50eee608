import type { EpisodeEnvironment } from "../episode/environment";

/** What a training loop (RLEF's or the SFT baseline's) is driven with by executeTrainRun. */
export interface TrainLoopOptions {
  env: EpisodeEnvironment;
  signal?: AbortSignal;
  jobPollMs?: number;
  onProgress?: (p: { done: number; total: number; errored: number }) => void;
}
