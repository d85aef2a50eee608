import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { boundedCompressors, DecompressionBudgetError } from "./bounded-compressors";

describe("boundedCompressors", () => {
  const page = Buffer.alloc(4 * 1024 * 1024, 0x61); // 4 MiB of "a": 4 KB gzipped
  const gz = new Uint8Array(gzipSync(page));

  it("charges each page its declared size before inflating it, and stops at the budget", () => {
    const { compressors, used } = boundedCompressors(6 * 1024 * 1024);
    expect(compressors.GZIP!(gz, page.length)).toHaveLength(page.length);
    expect(used()).toBe(page.length);
    expect(() => compressors.GZIP!(gz, page.length)).toThrow(DecompressionBudgetError);
  });

  it("never inflates past the declared size, whatever the stream says", () => {
    const { compressors } = boundedCompressors(64 * 1024 * 1024);
    expect(() => compressors.GZIP!(gz, 1024)).toThrow(/Cannot create a Buffer larger than|buffer|maxOutputLength|larger/i);
  });
});
