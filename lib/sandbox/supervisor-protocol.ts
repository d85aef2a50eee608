import { z } from "zod";
import type { ResolvedLimits } from "./limits";

/**
 * Frames between Node and supervisor.py (see its docstring). Node → supervisor:
 * type(1) u32 json_len u32 body_len json body ('C' compile, 'T' test, 'Q' quit). Supervisor → Node:
 * type(1) u32 test_index u32 payload_len payload. Little-endian.
 */
export type FrameType = "H" | "O" | "E" | "R" | "X";

export interface Frame {
  type: FrameType;
  index: number;
  payload: Buffer;
}

/**
 * meta, hello and result payloads are flat records "key=value,key=value"
 * (numbers, words; empty = null): the supervisor then needs no json module,
 * whose import (it pulls in re) would add ~5 ms to every sandbox start.
 */
export function encodeRecord(record: Record<string, string | number | boolean | null>): string {
  return Object.entries(record)
    .map(([key, value]) => `${key}=${value === null ? "" : typeof value === "boolean" ? Number(value) : value}`)
    .join(",");
}

export function decodeRecord(payload: Buffer): Record<string, string> {
  const record: Record<string, string> = {};
  for (const item of payload.toString("utf8").split(",")) {
    const eq = item.indexOf("=");
    if (eq > 0) record[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return record;
}

const number = z
  .string()
  .regex(/^-?\d+(\.\d+)?(e-?\d+)?$/i)
  .transform(Number);
const nullableNumber = z.union([z.literal("").transform(() => null), number]);
const flag = z.enum(["0", "1"]).transform((v) => v === "1");

export const helloSchema = z.object({ python: z.string(), compiled: flag, pid: number });

export const rawResultSchema = z.object({
  wallMs: number,
  timedOut: flag,
  outputLimited: z.enum(["", "stdout", "stderr"]).transform((v) => (v === "" ? null : v)),
  stdoutBytes: number,
  stderrBytes: number,
  exitCode: nullableNumber,
  signal: nullableNumber,
  cpuMs: nullableNumber,
  peakMemoryBytes: nullableNumber,
});
export type RawResult = z.infer<typeof rawResultSchema>;

const HEADER = 9;

/**
 * Header+meta and the input as separate buffers, so a 50 MB input is never
 * copied again. `limits` may be pre-encoded (encodeRecord once per submission).
 */
export function encodeTestFrame(index: number, input: Buffer, limits: ResolvedLimits | string): Buffer[] {
  const limitsRecord = typeof limits === "string" ? limits : encodeRecord({ ...limits });
  const meta = Buffer.from(`index=${index},${limitsRecord}`);
  const header = Buffer.alloc(HEADER);
  header.write("T", 0, "latin1");
  header.writeUInt32LE(meta.length, 1);
  header.writeUInt32LE(input.length, 5);
  // Small inputs go in one write (one syscall per test); big ones are not copied.
  return input.length < 65536 ? [Buffer.concat([header, meta, input])] : [Buffer.concat([header, meta]), input];
}

function bareFrame(type: "C" | "Q"): Buffer {
  const header = Buffer.alloc(HEADER);
  header.write(type, 0, "latin1");
  return header;
}

/** "The program is in /sandbox/solution.py now": the supervisor compiles it and says hello. */
export const encodeCompileFrame = () => bareFrame("C");
export const encodeQuitFrame = () => bareFrame("Q");

/** Reassembles frames from the supervisor's stdout chunks, copying each byte at most once. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly onFrame: (frame: Frame) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.buffered >= HEADER) {
      const header = this.peek(HEADER);
      const length = header.readUInt32LE(5);
      if (this.buffered < HEADER + length) return;
      const type = header.toString("latin1", 0, 1) as FrameType;
      if (!"HOERX".includes(type)) throw new Error(`supervisor protocol: unknown frame type ${JSON.stringify(type)}`);
      const frame = this.peek(HEADER + length);
      this.consume(HEADER + length);
      this.onFrame({ type, index: header.readUInt32LE(1), payload: frame.subarray(HEADER) });
    }
  }

  /** The first n buffered bytes as one Buffer (merging chunks only when a frame spans them). */
  private peek(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0].subarray(0, n);
  }

  private consume(n: number): void {
    this.buffered -= n;
    const first = this.chunks[0];
    if (first.length === n) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
  }
}
