import { describe, expect, it } from "vitest";
import { decodeRecord, encodeRecord, encodeTestFrame, FrameReader, rawResultSchema, type Frame } from "./supervisor-protocol";
import { resolveLimits } from "./limits";

function frame(type: string, index: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(9);
  header.write(type, 0, "latin1");
  header.writeUInt32LE(index, 1);
  header.writeUInt32LE(payload.length, 5);
  return Buffer.concat([header, payload]);
}

describe("supervisor protocol", () => {
  it("reassembles frames however the stream is split", () => {
    const payloads = [Buffer.from("hello"), Buffer.alloc(0), Buffer.alloc(300_000, 7), Buffer.from('{"a":1}')];
    const stream = Buffer.concat(payloads.map((p, i) => frame(i === 3 ? "R" : "O", i, p)));
    for (const size of [1, 7, 9, 4096, 65536, stream.length]) {
      const got: Frame[] = [];
      const reader = new FrameReader((f) => got.push(f));
      for (let at = 0; at < stream.length; at += size) reader.push(stream.subarray(at, at + size));
      expect(got.map((f) => [f.type, f.index, f.payload.length])).toEqual([
        ["O", 0, 5],
        ["O", 1, 0],
        ["O", 2, 300_000],
        ["R", 3, 7],
      ]);
      expect(got[2].payload.equals(payloads[2])).toBe(true);
    }
  });

  it("reads the supervisor's flat result records, empty meaning null", () => {
    const payload = Buffer.from(
      "wallMs=12.5,timedOut=0,outputLimited=,stdoutBytes=3,stderrBytes=0,exitCode=,signal=9,cpuMs=1.25,peakMemoryBytes=1048576",
    );
    expect(rawResultSchema.parse(decodeRecord(payload))).toEqual({
      wallMs: 12.5,
      timedOut: false,
      outputLimited: null,
      stdoutBytes: 3,
      stderrBytes: 0,
      exitCode: null,
      signal: 9,
      cpuMs: 1.25,
      peakMemoryBytes: 1048576,
    });
    expect(() => rawResultSchema.parse(decodeRecord(Buffer.from("wallMs=x")))).toThrow();
    expect(encodeRecord({ a: 1, b: null, c: true, d: "stdout" })).toBe("a=1,b=,c=1,d=stdout");
  });

  it("rejects an unknown frame type", () => {
    const reader = new FrameReader(() => {});
    expect(() => reader.push(frame("Z", 0, Buffer.from("x")))).toThrow(/unknown frame type/);
  });

  it("encodes a test frame as header+limits JSON, then the raw input", () => {
    for (const input of [Buffer.from("1 2\n"), Buffer.alloc(100_000, 0x31)]) {
      const frame = Buffer.concat(encodeTestFrame(3, input, resolveLimits({ timeLimitMs: 1500 })));
      expect(frame.toString("latin1", 0, 1)).toBe("T");
      const jsonLength = frame.readUInt32LE(1);
      expect(frame.readUInt32LE(5)).toBe(input.length);
      const meta = decodeRecord(frame.subarray(9, 9 + jsonLength));
      expect(meta).toMatchObject({ index: "3", timeLimitMs: "1500", cpuLimitSeconds: "3", memoryLimitBytes: String(1024 ** 3) });
      expect(frame.subarray(9 + jsonLength).equals(input)).toBe(true);
    }
  });
});
