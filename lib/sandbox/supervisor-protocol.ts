import { z } from "zod";
import type { ResolvedLimits } from "./limits";

/**
 * Frames between Node and supervisor.py (see its docstring). Node → supervisor:
 * type(1) u32 json_len u32 body_len json body. Supervisor → Node:
 * type(1) u32 test_index u32 payload_len payload. Little-endian.
 */
export type FrameType = "H" | "O" | "E" | "R" | "X";

export interface Frame {
  type: FrameType;
  index: number;
  payload: Buffer;
}

export const helloSchema = z.object({ python: z.string(), compiled: z.boolean(), pid: z.number() });

export const rawResultSchema = z.object({
  wallMs: z.number(),
  timedOut: z.boolean(),
  outputLimited: z.enum(["stdout", "stderr"]).nullable(),
  stdoutBytes: z.number(),
  stderrBytes: z.number(),
  exitCode: z.number().nullable(),
  signal: z.number().nullable(),
  cpuMs: z.number().nullable(),
  peakMemoryBytes: z.number().nullable(),
});
export type RawResult = z.infer<typeof rawResultSchema>;

export const fatalSchema = z.object({ error: z.string() });

const HEADER = 9;

/**
 * Header+meta and the input as separate buffers, so a 50 MB input is never
 * copied again. `limits` may be pre-serialised (one JSON.stringify per submission).
 */
export function encodeTestFrame(index: number, input: Buffer, limits: ResolvedLimits | string): Buffer[] {
  const limitsJson = typeof limits === "string" ? limits : JSON.stringify(limits);
  const meta = Buffer.from(`{"index":${index},${limitsJson.slice(1)}`);
  const header = Buffer.alloc(HEADER);
  header.write("T", 0, "latin1");
  header.writeUInt32LE(meta.length, 1);
  header.writeUInt32LE(input.length, 5);
  // Small inputs go in one write (one syscall per test); big ones are not copied.
  return input.length < 65536 ? [Buffer.concat([header, meta, input])] : [Buffer.concat([header, meta]), input];
}

export function encodeQuitFrame(): Buffer {
  const header = Buffer.alloc(HEADER);
  header.write("Q", 0, "latin1");
  return header;
}

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
