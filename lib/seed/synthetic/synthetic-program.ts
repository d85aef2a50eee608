import { randomInt, type RandomSource } from "../../metrics/seeded-random";

/**
 * Plausible Python programs for synthetic episodes: a solve() skeleton padded
 * with helper functions up to the requested length, and small edits between
 * attempts so the diff view has something real to show.
 */
const HELPERS = [
  (i: number) => [
    `def prefix_sums_${i}(values):`,
    `    total = 0`,
    `    out = [0]`,
    `    for v in values:`,
    `        total += v`,
    `        out.append(total)`,
    `    return out`,
  ],
  (i: number) => [
    `def binary_search_${i}(items, target):`,
    `    lo, hi = 0, len(items)`,
    `    while lo < hi:`,
    `        mid = (lo + hi) // 2`,
    `        if items[mid] < target:`,
    `            lo = mid + 1`,
    `        else:`,
    `            hi = mid`,
    `    return lo`,
  ],
  (i: number) => [`def gcd_${i}(a, b):`, `    while b:`, `        a, b = b, a % b`, `    return a`],
  (i: number) => [
    `class DisjointSet${i}:`,
    `    def __init__(self, n):`,
    `        self.parent = list(range(n))`,
    ``,
    `    def find(self, x):`,
    `        while self.parent[x] != x:`,
    `            self.parent[x] = self.parent[self.parent[x]]`,
    `            x = self.parent[x]`,
    `        return x`,
    ``,
    `    def union(self, a, b):`,
    `        self.parent[self.find(a)] = self.find(b)`,
  ],
];

const SOLVE_BODY = [
  `def solve(data):`,
  `    n = int(data[0])`,
  `    values = list(map(int, data[1].split()))`,
  `    best = max(values) if values else 0`,
  `    return best * n`,
  ``,
  ``,
  `def main():`,
  `    data = sys.stdin.read().split("\\n")`,
  `    print(solve(data))`,
  ``,
  ``,
  `if __name__ == "__main__":`,
  `    main()`,
];

export function makeProgram(random: RandomSource, lines: number): string {
  const out = ["import sys", ""];
  let helper = 0;
  while (out.length + SOLVE_BODY.length + 2 < lines) {
    out.push(...HELPERS[randomInt(random, HELPERS.length)](helper++), "", "");
  }
  out.push(...SOLVE_BODY);
  return out.slice(0, Math.max(lines, SOLVE_BODY.length + 2)).join("\n");
}

const EDITS: ((line: string) => string)[] = [
  (l) => l.replace("max(values)", "sum(values)"),
  (l) => l.replace("* n", "+ n"),
  (l) => l.replace("lo + 1", "lo + 1  # skip the probed index"),
  (l) => l.replace("int(data[0])", "int(data[0].strip())"),
  (l) => l.replace("return a", "return abs(a)"),
];

const INSERTS = [
  "sys.setrecursionlimit(10 ** 6)",
  "# the last test showed an off-by-one here",
  "values.sort()",
  "best = max(best, 0)",
  "n = max(n, 1)",
];

/** A new attempt: a few lines edited and sometimes a guard inserted, like a model's repair. */
export function mutateProgram(random: RandomSource, code: string, strength: number): string {
  const lines = code.split("\n");
  const edits = 1 + randomInt(random, Math.max(1, Math.round(strength * 6)));
  for (let e = 0; e < edits; e++) {
    const at = randomInt(random, lines.length);
    const edited = EDITS[randomInt(random, EDITS.length)](lines[at]);
    if (edited !== lines[at]) lines[at] = edited;
    else {
      // no pattern on this line: insert a statement at its indentation, as a repair often does
      const indent = /^\s*/.exec(lines[at])?.[0] ?? "";
      lines.splice(at + 1, 0, `${indent}${INSERTS[randomInt(random, INSERTS.length)]}`);
    }
  }
  if (random() < strength) {
    const at = lines.findIndex((l) => l.startsWith("def solve"));
    if (at >= 0) lines.splice(at + 1, 0, `    if not data or not data[0].strip():`, `        return 0`);
  }
  return lines.join("\n");
}
