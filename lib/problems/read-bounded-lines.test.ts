import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BoundExceededError, InvalidUtf8Error, readBoundedLines } from "./read-bounded-lines";

const bounds = { maxLineBytes: 8, maxTotalBytes: 64, describeTotal: "too much", describeLine: "too long" };
const lines = async (chunks: (string | Buffer)[], b = bounds) => {
  const out: [number, string][] = [];
  for await (const l of readBoundedLines(Readable.from(chunks.map((c) => Buffer.from(c))), b)) out.push(l);
  return out;
};

describe("readBoundedLines", () => {
  it("numbers lines like an editor, across chunks, skipping blank ones and leading blanks", async () => {
    expect(await lines(["ab", "c\n\n  \r\nde\r\n", "\tf"])).toEqual([
      [1, "abc"],
      [4, "de"],
      [5, "f"],
    ]);
  });

  it("stops at the line cap and the total cap, and refuses bytes that are not UTF-8", async () => {
    await expect(lines(["12345", "6789\n"])).rejects.toEqual(new BoundExceededError(1, "too long"));
    await expect(lines(["\n".repeat(40), "\n".repeat(40)])).rejects.toEqual(new BoundExceededError(41, "too much"));
    await expect(lines(["ok\n", Buffer.from([0x61, 0xe9, 0x0a])])).rejects.toEqual(new InvalidUtf8Error(2));
  });
});
