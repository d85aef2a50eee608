/**
 * Small exact-probability helpers. Everything is computed as products of
 * ratios or through log-factorials so that C(200, 33)-sized numbers never
 * overflow a double.
 */

const logFactorialCache: number[] = [0];

export function logFactorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`logFactorial: n must be a non-negative integer, got ${n}`);
  for (let i = logFactorialCache.length; i <= n; i++) {
    logFactorialCache[i] = logFactorialCache[i - 1] + Math.log(i);
  }
  return logFactorialCache[n];
}

/** log C(n, k); -Infinity when k is outside 0..n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * C(a, s) / C(b, s) for a ≤ b: the chance that s items drawn without
 * replacement from b all come from a given subset of size a.
 * Product form ∏_{i<s} (a−i)/(b−i) stays accurate for large b.
 */
export function chooseRatio(a: number, b: number, s: number): number {
  if (s < 0 || a > b) throw new RangeError(`chooseRatio: need 0 ≤ s and a ≤ b, got a=${a} b=${b} s=${s}`);
  if (s > b) throw new RangeError(`chooseRatio: cannot draw ${s} from ${b}`);
  let ratio = 1;
  for (let i = 0; i < s; i++) {
    if (a - i <= 0) return 0;
    ratio *= (a - i) / (b - i);
  }
  return ratio;
}

/** P(X = x) for X ~ Hypergeometric(population, successes, draws). */
export function hypergeometricPmf(population: number, successes: number, draws: number, x: number): number {
  const logP = logChoose(successes, x) + logChoose(population - successes, draws - x) - logChoose(population, draws);
  return logP === -Infinity ? 0 : Math.exp(logP);
}
