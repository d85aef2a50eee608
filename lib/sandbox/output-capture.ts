export const EXCERPT_BYTES = 4096;

/**
 * Keeps the first and last few KiB of a stream and counts the rest, so a
 * program that prints a gigabyte costs us 8 KiB. The tail holds only bytes
 * after the head, so head + tail is the whole stream when `truncated` is false.
 */
export class OutputCapture {
  private head = Buffer.alloc(0);
  private tail: Buffer[] = [];
  private tailBytes = 0;
  bytes = 0;

  constructor(private readonly excerptBytes = EXCERPT_BYTES) {}

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.head.length < this.excerptBytes) {
      const take = Math.min(this.excerptBytes - this.head.length, chunk.length);
      this.head = Buffer.concat([this.head, chunk.subarray(0, take)]);
      chunk = chunk.subarray(take);
    }
    if (chunk.length === 0) return;
    this.tail.push(Buffer.from(chunk.subarray(Math.max(0, chunk.length - this.excerptBytes))));
    this.tailBytes += Math.min(chunk.length, this.excerptBytes);
    while (this.tail.length > 1 && this.tailBytes - this.tail[0].length >= this.excerptBytes) {
      this.tailBytes -= this.tail.shift()!.length;
    }
  }

  get truncated(): boolean {
    return this.bytes > this.head.length + Math.min(this.tailBytes, this.excerptBytes);
  }

  headText(): string {
    return this.head.toString("utf8");
  }

  tailText(): string {
    const joined = Buffer.concat(this.tail);
    return joined.subarray(Math.max(0, joined.length - this.excerptBytes)).toString("utf8");
  }
}
