export interface ProblemRunStatInput {
  episodes: number;
  solved: number;
  passedPublic: number;
  errored: number;
  run: {
    id: string;
    name: string;
    createdAt: string | Date;
    checkpoint: { step: number; runId: string } | null;
  };
}

export interface CheckpointSeries {
  /** the training run whose checkpoints were evaluated */
  trainingRunId: string;
  points: { step: number; percent: number; episodes: number; runId: string; runName: string }[];
}

/** Solve rate of one (run, problem) aggregate, errored rollouts excluded; null without scored rollouts. */
export function solveRateOf(stat: { episodes: number; solved: number; errored: number }): number | null {
  const scored = stat.episodes - stat.errored;
  return scored > 0 ? stat.solved / scored : null;
}

/**
 * Per-checkpoint solve rates of one problem: eval runs of checkpoints grouped
 * by the training run they came from, ordered by step. When a checkpoint was
 * evaluated more than once, the runs' counts are pooled.
 */
export function prepareCheckpointSolveRates(stats: readonly ProblemRunStatInput[]): CheckpointSeries[] {
  const byTraining = new Map<string, Map<number, { solved: number; scored: number; episodes: number; runId: string; runName: string }>>();
  for (const stat of stats) {
    const ckpt = stat.run.checkpoint;
    if (!ckpt) continue;
    const steps = byTraining.get(ckpt.runId) ?? new Map();
    const entry = steps.get(ckpt.step) ?? { solved: 0, scored: 0, episodes: 0, runId: stat.run.id, runName: stat.run.name };
    entry.solved += stat.solved;
    entry.scored += stat.episodes - stat.errored;
    entry.episodes += stat.episodes;
    steps.set(ckpt.step, entry);
    byTraining.set(ckpt.runId, steps);
  }
  return [...byTraining.entries()]
    .map(([trainingRunId, steps]) => ({
      trainingRunId,
      points: [...steps.entries()]
        .filter(([, e]) => e.scored > 0)
        .sort((a, b) => a[0] - b[0])
        .map(([step, e]) => ({
          step,
          percent: Math.round((e.solved / e.scored) * 1000) / 10,
          episodes: e.episodes,
          runId: e.runId,
          runName: e.runName,
        })),
    }))
    .filter((s) => s.points.length > 0);
}
