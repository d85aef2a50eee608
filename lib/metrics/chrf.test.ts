import { describe, expect, it } from "vitest";
import { chrf } from "./chrf";

// Reference scores computed with sacreBLEU 2.6.0, CHRF() defaults, sentence_score(hyp, [ref]).score / 100.
const SACREBLEU_REFERENCE: [hypothesis: string, reference: string, score: number][] = [
  [
    "The relationship between Obama and Netanyahu is not exactly friendly.",
    "The ties between Obama and Netanyahu are not particularly friendly.",
    0.6157637937811379,
  ],
  ["n = int(input())\nprint(n * 2)\n", "n = int(input())\nprint(n + n)\n", 0.8665193946658476],
  [
    "import sys\nfor line in sys.stdin:\n    a, b = map(int, line.split())\n    print(a + b)\n",
    "a, b = map(int, input().split())\nprint(a+b)\n",
    0.6590799827834161,
  ],
  ["def solve():\n    return 42\n", "x = [i*i for i in range(10)]\nprint(sum(x))\n", 0.06306357389195184],
  ["abc", "abcd", 0.6886227544910178],
  ["ab", "xy", 0],
  ['print("héllo wörld ✓")', 'print("hello world")', 0.4946280133635704],
  ["", "print(1)", 0],
  ["a a a a", "aaaa", 1],
  ['print("😀😃😄") # 😀😃', 'print("😀😄") # 😃', 0.6397295589556906],
];

// 500 distinct characters: more than fit the numeric n-gram keys, so the string-key fallback runs.
const wide = Array.from({ length: 500 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join("");
const wideRotated = Array.from(wide).slice(250).join("") + Array.from(wide).slice(0, 250).join("") + "x";

describe("chrf", () => {
  it.each(SACREBLEU_REFERENCE)("matches sacreBLEU for %j vs %j", (hypothesis, reference, score) => {
    expect(chrf(hypothesis, reference)).toBeCloseTo(score, 12);
  });

  it("matches sacreBLEU on a 500-character alphabet", () => {
    expect(chrf(wide, wideRotated)).toBeCloseTo(0.9933656590135367, 12);
  });

  it("is 1 for identical code and weighs recall over precision (beta 2)", () => {
    const code = "for i in range(10):\n    print(i)\n";
    expect(chrf(code, code)).toBe(1);
    const longer = `${code}print('done')\n`;
    // the longer hypothesis keeps all of the reference (full recall) so it scores higher than the reverse
    expect(chrf(longer, code)).toBeGreaterThan(chrf(code, longer));
  });
});
