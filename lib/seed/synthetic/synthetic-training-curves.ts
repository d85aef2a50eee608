import type { RandomSource } from "../../metrics/seeded-random";

/** The metric names a training run records per step (the trainer's names, as the run page charts them). */
export const TRAINING_METRIC_NAMES = ["reward/mean", "solve_rate", "kl", "entropy", "loss/policy", "loss/value", "clip_fraction"] as const;

/** Noisy but plausible curves: reward and solve rate rise, KL grows slowly, entropy falls. */
export function makeTrainingCurves(random: RandomSource, steps: number): { name: string; step: number; value: number }[] {
  const points: { name: string; step: number; value: number }[] = [];
  const noise = (scale: number) => (random() - 0.5) * scale;
  for (let step = 1; step <= steps; step++) {
    const progress = step / steps;
    const values: Record<(typeof TRAINING_METRIC_NAMES)[number], number> = {
      "reward/mean": -0.55 + 0.4 * progress + noise(0.12),
      solve_rate: 0.2 + 0.18 * progress + noise(0.05),
      kl: 0.002 + 0.02 * progress + Math.abs(noise(0.004)),
      entropy: 0.9 - 0.25 * progress + noise(0.04),
      "loss/policy": noise(0.06),
      "loss/value": 0.3 * Math.exp(-3 * progress) + 0.05 + Math.abs(noise(0.03)),
      clip_fraction: 0.05 + 0.04 * progress + Math.abs(noise(0.02)),
    };
    for (const name of TRAINING_METRIC_NAMES) points.push({ name, step, value: values[name] });
  }
  return points;
}
