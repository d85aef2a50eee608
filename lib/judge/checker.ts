/**
 * The output checker, CodeContests semantics (DeepMind's `OutputsMatch`):
 * split both outputs on whitespace into tokens; the counts must be equal; each
 * pair must be equal ignoring ASCII case, or both be numbers that agree.
 *
 * Numbers (where we are deliberate about the reference's silences):
 * - both integers: exact comparison on arbitrary precision (the reference
 *   compares them as doubles, which also accepts 10^18 vs 10^18+1);
 * - otherwise: |a-b| < 1e-5 (absolute, as the reference) or
 *   |a-b| <= 1e-5 * max(|a|,|b|) (relative, allowed by docs/method.md §8.3 for large magnitudes).
 * Trailing whitespace and blank lines never matter. Comparison is on bytes, so
 * invalid UTF-8 output is compared as written.
 *
 * The streaming form never holds the program's output: tokens are compared
 * as chunks arrive, and a token longer than any match could need stops it.
 */

export const FLOAT_TOLERANCE = 1e-5;

const WHITESPACE = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x09, 0x0d, 0x0b, 0x0c]) WHITESPACE[c] = 1;

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface CheckResult {
  ok: boolean;
  /** Index of the first token that differs (or the shorter length when counts differ); null when ok. */
  firstDifferenceAt: number | null;
  expectedTokens: number;
  actualTokens: number;
}

function fold(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte;
}

/** Token boundaries as offsets: a million-token expected output costs 8 MB, not a million Buffers. */
interface Tokens {
  text: Buffer;
  starts: Uint32Array;
  ends: Uint32Array;
  count: number;
}

function tokenize(text: Buffer): Tokens {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (WHITESPACE[text[i]] !== 1 && (i === 0 || WHITESPACE[text[i - 1]] === 1)) count++;
  }
  const starts = new Uint32Array(count);
  const ends = new Uint32Array(count);
  let n = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const boundary = i === text.length || WHITESPACE[text[i]] === 1;
    if (boundary) {
      if (start >= 0) {
        starts[n] = start;
        ends[n++] = i;
      }
      start = -1;
    } else if (start < 0) start = i;
  }
  return { text, starts, ends, count };
}

function tokenAt(tokens: Tokens, i: number): Buffer | undefined {
  return i < tokens.count ? tokens.text.subarray(tokens.starts[i], tokens.ends[i]) : undefined;
}

function equalIgnoringCase(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (fold(a[i]) !== fold(b[i])) return false;
  return true;
}

/** Whether two single tokens match under the rules above. */
export function tokensMatch(actual: Buffer, expected: Buffer): boolean {
  if (equalIgnoringCase(actual, expected)) return true;
  if (actual.length > 400 || expected.length > 400) return false;
  const a = actual.toString("latin1");
  const e = expected.toString("latin1");
  if (!DECIMAL.test(a) || !DECIMAL.test(e)) return false;
  if (INTEGER.test(a) && INTEGER.test(e)) return BigInt(a) === BigInt(e);
  const x = Number(a);
  const y = Number(e);
  const diff = Math.abs(x - y);
  return diff < FLOAT_TOLERANCE || diff <= FLOAT_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
}

/** Feed the program's stdout chunk by chunk; `finish()` gives the verdict. */
export class StreamingChecker {
  private readonly expected: Tokens;
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private count = 0;
  private mismatchAt: number | null = null;

  constructor(expectedOutput: string | Buffer) {
    this.expected = tokenize(typeof expectedOutput === "string" ? Buffer.from(expectedOutput, "utf8") : expectedOutput);
  }

  push(chunk: Buffer): void {
    if (this.mismatchAt !== null) return;
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (WHITESPACE[chunk[i]] !== 1) continue;
      if (i > start || this.partialBytes > 0) this.endToken(chunk.subarray(start, i));
      start = i + 1;
      if (this.mismatchAt !== null) return;
    }
    if (start < chunk.length) this.growToken(chunk.subarray(start));
  }

  finish(): CheckResult {
    if (this.mismatchAt === null && this.partialBytes > 0) this.endToken(Buffer.alloc(0));
    if (this.mismatchAt === null && this.count !== this.expected.count) {
      this.mismatchAt = Math.min(this.count, this.expected.count);
    }
    return {
      ok: this.mismatchAt === null,
      firstDifferenceAt: this.mismatchAt,
      expectedTokens: this.expected.count,
      actualTokens: this.count,
    };
  }

  private growToken(piece: Buffer): void {
    this.partial.push(Buffer.from(piece));
    this.partialBytes += piece.length;
    const want = tokenAt(this.expected, this.count);
    if (!want || this.partialBytes > Math.max(2 * want.length, want.length + 4096)) this.mismatchAt = this.count;
  }

  private endToken(last: Buffer): void {
    const token = this.partialBytes > 0 ? Buffer.concat([...this.partial, last]) : last;
    this.partial = [];
    this.partialBytes = 0;
    const want = tokenAt(this.expected, this.count);
    if (!want || !tokensMatch(token, want)) this.mismatchAt = this.count;
    this.count++;
  }
}

/** Whole-output form of the same check. */
export function checkOutput(actual: string | Buffer, expected: string | Buffer): CheckResult {
  const checker = new StreamingChecker(expected);
  checker.push(typeof actual === "string" ? Buffer.from(actual, "utf8") : actual);
  return checker.finish();
}

export function outputsMatch(actual: string | Buffer, expected: string | Buffer): boolean {
  return checkOutput(actual, expected).ok;
}
