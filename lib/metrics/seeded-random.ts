/**
 * mulberry32: a tiny, well-mixed 32-bit PRNG. Bootstrap intervals and the
 * tests' random cases must be reproducible from a seed, which Math.random is not.
 */
export type RandomSource = () => number;

export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, maxExclusive). */
export function randomInt(random: RandomSource, maxExclusive: number): number {
  return Math.floor(random() * maxExclusive);
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
