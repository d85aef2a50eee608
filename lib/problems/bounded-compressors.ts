import { gunzipSync } from "node:zlib";
import type { Compressors } from "hyparquet";
import { compressors } from "hyparquet-compressors";

/** Decompression stopped at the byte budget: the reader names the rows and the setting. */
export class DecompressionBudgetError extends Error {
  constructor(readonly budget: number) {
    super(`decompresses to more than ${budget} bytes`);
    this.name = "DecompressionBudgetError";
  }
}

/**
 * hyparquet's decompressors behind a byte budget for one read (a row group). Every page states its
 * uncompressed size in its header; each page is charged that size before anything is allocated, so a
 * Parquet "zip bomb" stops at the budget instead of expanding in memory. Where the stock decompressor
 * would trust the compressed stream over the header (zstd, gzip), the output buffer is the header's
 * size, so a stream that lies cannot grow past it either.
 */
export function boundedCompressors(budget: number): { compressors: Compressors; used(): number } {
  let used = 0;
  const charge = (length: number) => {
    used += length;
    if (used > budget) throw new DecompressionBudgetError(budget);
  };
  const wrap = (inner: (input: Uint8Array, length: number) => Uint8Array) => (input: Uint8Array, length: number) => {
    charge(length);
    return inner(input, length);
  };
  return {
    used: () => used,
    compressors: {
      SNAPPY: wrap(compressors.SNAPPY!),
      GZIP: wrap((input, length) => new Uint8Array(gunzipSync(input, { maxOutputLength: Math.max(1, length) }))),
      BROTLI: wrap(compressors.BROTLI!),
      ZSTD: wrap(compressors.ZSTD!),
      LZ4: wrap(compressors.LZ4!),
      LZ4_RAW: wrap(compressors.LZ4_RAW!),
    },
  };
}
