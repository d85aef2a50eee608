/**
 * chrF as sacreBLEU computes it by default (char_order 6, word_order 0,
 * beta 2, whitespace removed, no eps smoothing): precision and recall are
 * averaged over the n-gram orders that exist in both strings, then combined
 * into an F-beta score. Returned in [0, 1] rather than sacreBLEU's [0, 100].
 * Characters are Unicode code points, as in Python.
 */
export interface ChrfOptions {
  charOrder?: number;
  beta?: number;
}

export function chrf(hypothesis: string, reference: string, options: ChrfOptions = {}): number {
  const order = options.charOrder ?? 6;
  const betaSquared = (options.beta ?? 2) ** 2;
  const hypText = hypothesis.replace(/\s+/gu, "");
  const refText = reference.replace(/\s+/gu, "");
  if (hypText === refText) return hypText.length > 0 ? 1 : 0;
  const { hyp, ref, base } = encode(hypText, refText);
  let precisionSum = 0;
  let recallSum = 0;
  let effectiveOrder = 0;
  // keys[i] identifies the n-gram starting at i; extended by one character per order
  const hypKeys = hyp.slice();
  const refKeys = ref.slice();
  for (let n = 1; n <= order; n++) {
    if (n > 1) {
      extend(hypKeys, hyp, n, base);
      extend(refKeys, ref, n, base);
    }
    const hypTotal = hyp.length - n + 1;
    const refTotal = ref.length - n + 1;
    if (hypTotal <= 0 || refTotal <= 0) continue;
    const matches = countMatches(hypKeys, hypTotal, refKeys, refTotal);
    precisionSum += matches / hypTotal;
    recallSum += matches / refTotal;
    effectiveOrder++;
  }
  if (effectiveOrder === 0) return 0;
  const precision = precisionSum / effectiveOrder;
  const recall = recallSum / effectiveOrder;
  if (precision + recall === 0) return 0;
  return ((1 + betaSquared) * precision * recall) / (betaSquared * precision + recall);
}

/**
 * Code points → small integer ids shared by both strings, so an n-gram
 * (n ≤ 6) is one number: base^6 stays below 2^53 for up to 405 distinct
 * characters. Numeric Map keys make this ~10× faster than substring keys,
 * which matters for 60k attempt pairs per run. Larger alphabets fall back
 * to a base that still cannot collide (see extend).
 */
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
const ASCII = /^[\x00-\x7f]*$/;

function encode(hypText: string, refText: string): { hyp: number[]; ref: number[]; base: number } {
  // most code is ASCII: char codes are already small ids
  if (ASCII.test(hypText) && ASCII.test(refText)) {
    const codes = (text: string) => {
      const out = new Array<number>(text.length);
      for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) + 1;
      return out;
    };
    return { hyp: codes(hypText), ref: codes(refText), base: 129 };
  }
  const ids = new Map<string, number>();
  const toIds = (text: string) =>
    Array.from(text, (char) => {
      let id = ids.get(char);
      if (id === undefined) {
        id = ids.size + 1;
        ids.set(char, id);
      }
      return id;
    });
  const hyp = toIds(hypText);
  const ref = toIds(refText);
  return { hyp, ref, base: ids.size + 1 };
}

function extend(keys: (number | string)[], ids: readonly number[], n: number, base: number): void {
  const exact = base ** n < Number.MAX_SAFE_INTEGER;
  for (let i = 0; i + n <= ids.length; i++) {
    keys[i] = exact ? (keys[i] as number) * base + ids[i + n - 1] : `${keys[i]},${ids[i + n - 1]}`;
  }
}

function countMatches(
  hypKeys: readonly (number | string)[],
  hypTotal: number,
  refKeys: readonly (number | string)[],
  refTotal: number,
): number {
  const remaining = new Map<number | string, number>();
  for (let i = 0; i < hypTotal; i++) remaining.set(hypKeys[i], (remaining.get(hypKeys[i]) ?? 0) + 1);
  let matches = 0;
  for (let i = 0; i < refTotal; i++) {
    const left = remaining.get(refKeys[i]);
    if (left) {
      matches++;
      remaining.set(refKeys[i], left - 1);
    }
  }
  return matches;
}
