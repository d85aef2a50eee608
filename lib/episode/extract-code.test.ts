import { describe, expect, it } from "vitest";
import { extractCode, type ExtractedCode } from "./extract-code";

/** The regular expression extractCode used to be (quadratic on unclosed fences): the reference. */
function referenceExtract(reply: string): ExtractedCode {
  const FENCE = /^[ \t]*(`{3,})[ \t]*([^\n`]*)\n([\s\S]*?)^[ \t]*\1`*[ \t]*$/gm;
  let firstUntagged: string | null = null;
  for (const match of reply.matchAll(FENCE)) {
    const tag = match[2].trim().split(/\s+/)[0].toLowerCase();
    const body = match[3].replace(/\n$/, "");
    if (["python", "py", "python3"].includes(tag)) return { code: body, rule: "python_fence" };
    if (tag === "" && firstUntagged === null) firstUntagged = body;
  }
  if (firstUntagged !== null) return { code: firstUntagged, rule: "untagged_fence" };
  return { code: null, rule: "none" };
}

/** CPU milliseconds `run` takes (not wall time: the machine may be busy with other work). */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** A small deterministic PRNG (mulberry32), so a failure names a reproducible seed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces replies are made of, weighted toward what decides a fence.
const PIECES = [
  "`",
  "``",
  "```",
  "````",
  "\n",
  "\n",
  "\r",
  "\r\n",
  " ",
  "\t",
  "python",
  "py",
  "Python3",
  "cpp",
  "x = 1",
  "print(2)",
  "\u2028",
  "\u2029",
  "é",
];

describe("extractCode", () => {
  it("takes the first python-tagged block even after an untagged one", () => {
    const reply = "Idea:\n```\nnot this\n```\nCode:\n```python\nprint(1)\n```\n```python\nprint(2)\n```";
    expect(extractCode(reply)).toEqual({ code: "print(1)", rule: "python_fence" });
  });
  it("accepts py and python3 tags, case-insensitively", () => {
    expect(extractCode("```py\nx=1\n```").rule).toBe("python_fence");
    expect(extractCode("```Python3\nx=1\n```").code).toBe("x=1");
  });
  it("falls back to the first untagged block", () => {
    expect(extractCode("```cpp\nint main(){}\n```\n```\nprint(3)\n```")).toEqual({ code: "print(3)", rule: "untagged_fence" });
  });
  it("finds no code in prose, other languages or an unclosed fence", () => {
    expect(extractCode("I think the answer is 42.")).toEqual({ code: null, rule: "none" });
    expect(extractCode("```cpp\nint main(){}\n```").rule).toBe("none");
    expect(extractCode("```python\nprint(1)\n").rule).toBe("none");
  });
  it("keeps inner blank lines and indentation, drops only the fence", () => {
    const body = "def f():\n    return 1\n\n\nprint(f())";
    expect(extractCode(`text\n\`\`\`python\n${body}\n\`\`\`\nmore`).code).toBe(body);
  });
  it("does not end a block at a longer inner fence mismatch", () => {
    const reply = "````python\ns = '```'\nprint(s)\n````";
    expect(extractCode(reply).code).toBe("s = '```'\nprint(s)");
  });

  it("finds exactly the blocks the reference expression finds, on 10,000 random replies", () => {
    for (let seed = 1; seed <= 10_000; seed++) {
      const random = prng(seed);
      const parts = Array.from({ length: Math.floor(random() * 40) }, () => PIECES[Math.floor(random() * PIECES.length)]);
      const reply = parts.join("");
      expect(extractCode(reply), `seed ${seed}: ${JSON.stringify(reply)}`).toEqual(referenceExtract(reply));
    }
  });

  it("is linear on a pathological reply: 1 MB of fences that never close", () => {
    // Every line opens a fence, and none closes one: the reference expression
    // scans to the end of the reply from each of them.
    const reply = "````py\nx = 1\n".repeat(80_000);
    expect(reply.length).toBeGreaterThan(1_000_000);
    expect(cpuMs(() => expect(extractCode(reply)).toEqual({ code: null, rule: "none" }))).toBeLessThan(500);
  });

  it("a 96 KB reply of unclosed fences takes milliseconds; the reference's time grows quadratically", () => {
    const reply = (units: number) => "````py\ncode\n".repeat(units) + "```python\nprint('found')\n```\n";
    expect(reply(8_000).length).toBeGreaterThan(96_000);
    const big = reply(8_000);
    expect(cpuMs(() => expect(extractCode(big)).toEqual({ code: "print('found')", rule: "python_fence" }))).toBeLessThan(100);
    // A quarter of that size is enough to see the reference blow up (and agree).
    const small = reply(2_000);
    expect(extractCode(small)).toEqual(referenceExtract(small));
    expect(cpuMs(() => referenceExtract(small))).toBeGreaterThan(cpuMs(() => extractCode(small)) * 10);
  });
});
