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

export function encodeTestFrame(index: number, input: Buffer, limits: ResolvedLimits): Buffer {
  const meta = Buffer.from(JSON.stringify({ index, ...limits }));
  const header = Buffer.alloc(HEADER);
  header.write("T", 0, "latin1");
  header.writeUInt32LE(meta.length, 1);
  header.writeUInt32LE(input.length, 5);
  return Buffer.concat([header, meta, input]);
}

export function encodeQuitFrame(): Buffer {
  const header = Buffer.alloc(HEADER);
  header.write("Q", 0, "latin1");
  return header;
}

/** Reassembles frames from the supervisor's stdout chunks. */
export class FrameReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly onFrame: (frame: Frame) => void) {}

  push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    while (this.pendingBytes >= HEADER) {
      const buffer = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
      const length = buffer.readUInt32LE(5);
      if (buffer.length < HEADER + length) {
        this.pending = [buffer];
        return;
      }
      const type = buffer.toString("latin1", 0, 1) as FrameType;
      if (!"HOERX".includes(type)) throw new Error(`supervisor protocol: unknown frame type ${JSON.stringify(type)}`);
      const frame = { type, index: buffer.readUInt32LE(1), payload: buffer.subarray(HEADER, HEADER + length) };
      const rest = buffer.subarray(HEADER + length);
      this.pending = rest.length > 0 ? [rest] : [];
      this.pendingBytes = rest.length;
      this.onFrame(frame);
    }
  }
}
