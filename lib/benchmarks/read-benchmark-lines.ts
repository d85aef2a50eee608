import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { ProblemFileError, RecordFieldError } from "../problems/problem-file-error";

/**
 * The non-blank lines of a .jsonl or .jsonl.gz file (gzip told by its magic bytes), each with its 1-based
 * line number, passed through `parse`; a RecordFieldError becomes a ProblemFileError naming file, line
 * and field. Lines of any length (EvalPlus' reach 800 KB) are fine: readline has no line cap.
 */
export async function readBenchmarkLines<T>(
  file: string,
  parse: (line: string, lineNumber: number) => T,
): Promise<{ row: number; value: T }[]> {
  const gzip = await isGzip(file);
  const stream = createReadStream(file);
  const input: Readable = gzip ? stream.pipe(createGunzip()) : stream;
  const failure = new Promise<never>((_, reject) => {
    stream.once("error", reject);
    input.once("error", reject);
  });
  failure.catch(() => {});
  const lines = createInterface({ input, crlfDelay: Infinity });
  const out: { row: number; value: T }[] = [];
  let lineNumber = 0;
  try {
    const iterator = lines[Symbol.asyncIterator]();
    while (true) {
      let next: IteratorResult<string>;
      try {
        next = await Promise.race([iterator.next(), failure]);
      } catch (error) {
        throw new ProblemFileError(file, null, null, `cannot read past line ${lineNumber} (${(error as Error).message})`);
      }
      if (next.done) break;
      lineNumber++;
      const text = lineNumber === 1 ? next.value.replace(/^\uFEFF/, "") : next.value;
      if (text.trim() === "") continue;
      try {
        out.push({ row: lineNumber, value: parse(text, lineNumber) });
      } catch (error) {
        if (error instanceof RecordFieldError) throw new ProblemFileError(file, { line: lineNumber }, error.field, error.detail);
        throw error;
      }
    }
  } finally {
    lines.close();
    input.destroy();
    stream.destroy();
  }
  return out;
}

/** Whether the file starts with gzip's magic bytes. */
export async function isGzip(file: string): Promise<boolean> {
  const magic = await fileMagic(file, 2);
  return magic.length === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
}

/** Whether the file starts with Parquet's magic bytes. */
export async function isParquet(file: string): Promise<boolean> {
  return (await fileMagic(file, 4)).toString("latin1") === "PAR1";
}

async function fileMagic(file: string, bytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, "r");
    const magic = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(magic, 0, bytes, 0);
    return magic.subarray(0, bytesRead);
  } catch (error) {
    throw new ProblemFileError(file, null, null, `cannot read: ${(error as Error).message}`);
  } finally {
    await handle?.close();
  }
}
