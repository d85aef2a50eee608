/** A problem slot of one training step: which problem, and the episode's sample index in the run. */
export interface StepSlot {
  problemIndex: number;
  sampleIndex: number;
}

function mix(a: number, b: number, c: number): number {
  let h = 2166136261 ^ a;
  for (const v of [b, c]) {
    h = Math.imul(h ^ v, 16777619);
    h ^= h >>> 13;
  }
  return (Math.imul(h, 2654435761) >>> 0) / 2 ** 32;
}

/**
 * The episodes of training step `step`, fixed by (seed, step) so a resumed run
 * replays the same plan and finds the episodes it already stored. Problems are
 * drawn uniformly with replacement; `rolloutsPerProblem` episodes share one.
 */
export function planStep(opts: {
  seed: number;
  step: number;
  episodesPerStep: number;
  rolloutsPerProblem: number;
  problemCount: number;
}): StepSlot[] {
  const slots: StepSlot[] = [];
  for (let k = 0; k < opts.episodesPerStep; k++) {
    const group = Math.floor(k / opts.rolloutsPerProblem);
    slots.push({
      problemIndex: Math.floor(mix(opts.seed, opts.step, group) * opts.problemCount),
      sampleIndex: opts.step * opts.episodesPerStep + k,
    });
  }
  return slots;
}
