/** How the paper samples for n@k (§3.2: 10@100 at temperature 1.0, top-p 0.95). */
export const PAPER_N_AT_K_SAMPLING = { temperature: 1.0, topP: 0.95 } as const;

/**
 * What the run's replies were sampled with, as configured; `fromModel` is false for the demo policy,
 * whose replies are the dataset's own solutions and are not sampled at any temperature.
 */
export type RunSampling = { temperature: number; topP: number; fromModel: boolean } | null;

/**
 * Whether an n@k number may sit beside the paper's 10@100 (issue 10.9): only when it was sampled at
 * the paper's temperature and top-p. Everything else is reported with the temperature it was
 * sampled at and marked as not comparable.
 */
export function nAtKComparability(sampling: RunSampling, n: number, k: number): { comparableWithPaper: boolean; note: string } {
  const paper = `the paper's 10@100 (T ${PAPER_N_AT_K_SAMPLING.temperature.toFixed(1)}, top-p ${PAPER_N_AT_K_SAMPLING.topP})`;
  if (sampling === null || !sampling.fromModel)
    return { comparableWithPaper: false, note: `demo policy, not sampled from a model: not comparable with ${paper}` };
  const at = `sampled at T ${sampling.temperature}, top-p ${sampling.topP}`;
  const same = sampling.temperature === PAPER_N_AT_K_SAMPLING.temperature && sampling.topP === PAPER_N_AT_K_SAMPLING.topP;
  if (!same) return { comparableWithPaper: false, note: `${at}: not comparable with ${paper}` };
  return { comparableWithPaper: true, note: n === 10 && k === 100 ? `${at}, as ${paper}` : `${at}, the paper's n@k sampling` };
}
