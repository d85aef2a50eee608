import { logChoose } from "./combinatorics";
import type { RandomSource } from "./seeded-random";

/**
 * Exact Binomial(trials, successes/trials) draws by inversion of the CDF, with one table per
 * (trials, successes) pair. Drawing `trials` results with replacement from `trials` results of which
 * `successes` succeeded and counting the successes is exactly such a draw, so a rollout bootstrap needs
 * one uniform number per problem and resample instead of one per rollout (200 rollouts × 5,000
 * problems × 200 resamples stay fast). Tables are computed in log space, so no n ≤ 1000 underflows.
 */
export class BinomialSampler {
  private readonly tables = new Map<number, Float64Array>();

  draw(trials: number, successes: number, random: RandomSource): number {
    if (successes <= 0) return 0;
    if (successes >= trials) return trials;
    const cdf = this.cdf(trials, successes);
    const u = random();
    // the first x with CDF(x) > u
    let lo = 0;
    let hi = trials;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private cdf(trials: number, successes: number): Float64Array {
    const key = trials * 100_003 + successes;
    let table = this.tables.get(key);
    if (table) return table;
    const p = successes / trials;
    const logP = Math.log(p);
    const logQ = Math.log1p(-p);
    table = new Float64Array(trials + 1);
    let sum = 0;
    for (let x = 0; x <= trials; x++) {
      sum += Math.exp(logChoose(trials, x) + x * logP + (trials - x) * logQ);
      table[x] = sum;
    }
    // rounding may leave the total a hair under 1: the last value must catch every u < 1
    table[trials] = Infinity;
    this.tables.set(key, table);
    return table;
  }
}
