import type { Readable } from "node:stream";

/** Reading stopped at a bound: the caller turns this into a ProblemFileError naming the file and line. */
export class BoundExceededError extends Error {
  constructor(readonly line: number | null, message: string) {
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
 * than maxTotalBytes are read in all (one of endless blank lines used to run for ever). Each line is
 * decoded as strict UTF-8, so bytes that are not UTF-8 are an error instead of silent U+FFFD.
 * Yields [lineNumber, text] with 1-based numbers; "\r\n" and "\n" both end a line.
 */
export async function* readBoundedLines(
  input: Readable,
  bounds: { maxLineBytes: number; maxTotalBytes: number; describeTotal: string; describeLine: string },
): AsyncGenerator<[number, string]> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  let line = 0;
  const finish = (parts: Buffer[]): string => {
    line++;
    let bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
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
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl);
      if (pendingBytes + piece.length > bounds.maxLineBytes) throw new BoundExceededError(line + 1, bounds.describeLine);
      pending.push(piece);
      const text = finish(pending);
      yield [line, text];
      pending = [];
      pendingBytes = 0;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    pendingBytes += rest.length;
    if (pendingBytes > bounds.maxLineBytes) throw new BoundExceededError(line + 1, bounds.describeLine);
    if (rest.length) pending.push(Buffer.from(rest)); // a copy: the stream may reuse its chunk
  }
  if (pendingBytes > 0) {
    const text = finish(pending);
    yield [line, text];
  }
}
