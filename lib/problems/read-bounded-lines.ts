import type { Readable } from "node:stream";

/** Reading stopped at a bound: the caller turns this into a ProblemFileError naming the file and line. */
export class BoundExceededError extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = "BoundExceededError";
  }
}

/** A line that is not valid UTF-8 (the caller names the line). */
export class InvalidUtf8Error extends Error {
  constructor(readonly line: number) {
    super("is not valid UTF-8");
    this.name = "InvalidUtf8Error";
  }
}

/**
 * Lines of a byte stream with two bounds, which readline lacks: no line longer than maxLineBytes is
 * ever buffered (a gzip bomb of one endless line used to grow the process until it died), and no more
 * than maxTotalBytes are read in all (a bomb of blank lines is skipped at memory speed, then stopped).
 * Each line is decoded as strict UTF-8, so bytes that are not UTF-8 are an error instead of silent
 * U+FFFD. Yields [lineNumber, text] (1-based) for lines holding something besides spaces, tabs and
 * "\r"; blank lines are counted, not yielded. "\r\n" and "\n" both end a line.
 */
export async function* readBoundedLines(
  input: Readable,
  bounds: { maxLineBytes: number; maxTotalBytes: number; describeTotal: string; describeLine: string },
): AsyncGenerator<[number, string]> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending: Buffer[] = []; // the current line's bytes from its first non-blank byte
  let pendingBytes = 0;
  let content = false;
  let total = 0;
  let line = 0; // lines ended so far
  const decode = (): string => {
    let bytes = pending.length === 1 ? pending[0] : Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    content = false;
    if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    try {
      return decoder.decode(bytes);
    } catch {
      throw new InvalidUtf8Error(line);
    }
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > bounds.maxTotalBytes) throw new BoundExceededError(line + 1, bounds.describeTotal);
    let i = 0;
    while (i < chunk.length) {
      if (!content) {
        // blank so far: skip spaces, tabs and "\r" byte by byte, count newlines
        const b = chunk[i];
        if (b === 0x0a) line++;
        else if (b !== 0x20 && b !== 0x09 && b !== 0x0d) {
          content = true;
          continue;
        }
        i++;
        continue;
      }
      const nl = chunk.indexOf(0x0a, i);
      const end = nl === -1 ? chunk.length : nl;
      if (pendingBytes + (end - i) > bounds.maxLineBytes) throw new BoundExceededError(line + 1, bounds.describeLine);
      // a line that ends here is decoded at once; one that goes on is copied (the stream may reuse its chunk)
      pending.push(nl === -1 ? Buffer.from(chunk.subarray(i, end)) : chunk.subarray(i, end));
      pendingBytes += end - i;
      if (nl === -1) break;
      line++;
      const text = decode();
      yield [line, text];
      i = nl + 1;
    }
  }
  if (content) {
    line++;
    const text = decode();
    yield [line, text];
  }
}
