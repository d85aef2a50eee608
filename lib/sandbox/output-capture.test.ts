import { describe, expect, it } from "vitest";
import { OutputCapture } from "./output-capture";

describe("OutputCapture", () => {
  it("holds a short stream whole in head + tail", () => {
    const c = new OutputCapture(8);
    for (const part of ["hello ", "wor", "ld!"]) c.push(Buffer.from(part));
    expect(c.headText() + c.tailText()).toBe("hello world!");
    expect(c.truncated).toBe(false);
    expect(c.bytes).toBe(12);
  });

  it("keeps only the first and last bytes of a long stream", () => {
    const c = new OutputCapture(4);
    for (let i = 0; i < 1000; i++) c.push(Buffer.from(String(i % 10)));
    expect(c.headText()).toBe("0123");
    expect(c.tailText()).toBe("6789");
    expect(c.truncated).toBe(true);
    expect(c.bytes).toBe(1000);
  });

  it("handles one chunk much larger than the excerpts", () => {
    const c = new OutputCapture(3);
    c.push(Buffer.from("abcdefghij"));
    expect([c.headText(), c.tailText(), c.truncated]).toEqual(["abc", "hij", true]);
  });
});
