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
  const hyp = Array.from(hypothesis.replace(/\s+/gu, ""));
  const ref = Array.from(reference.replace(/\s+/gu, ""));
  let precisionSum = 0;
  let recallSum = 0;
  let effectiveOrder = 0;
  for (let n = 1; n <= order; n++) {
    const hypCounts = ngramCounts(hyp, n);
    const refCounts = ngramCounts(ref, n);
    const hypTotal = hyp.length - n + 1;
    const refTotal = ref.length - n + 1;
    if (hypTotal <= 0 || refTotal <= 0) continue;
    let matches = 0;
    for (const [gram, count] of hypCounts) {
      const other = refCounts.get(gram);
      if (other) matches += Math.min(count, other);
    }
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

function ngramCounts(chars: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= chars.length; i++) {
    const gram = chars.slice(i, i + n).join("");
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}
