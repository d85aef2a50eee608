import { describe, expect, it } from "vitest";
import { SandboxPool } from "./pool";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("SandboxPool", () => {
  it("never runs more tasks than its concurrency, FIFO, each on its own slot", async () => {
    const pool = new SandboxPool({ concurrency: 2, uidBase: 70000 });
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const slotsInUse = new Set<number>();
    const tasks = Array.from({ length: 7 }, (_, i) =>
      pool.run(async (slot) => {
        expect(slotsInUse.has(slot.id)).toBe(false);
        slotsInUse.add(slot.id);
        running++;
        peak = Math.max(peak, running);
        order.push(i);
        await tick();
        running--;
        slotsInUse.delete(slot.id);
        return i * 10;
      }),
    );
    expect(await Promise.all(tasks)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(pool.active).toBe(0);
  });

  it("frees the slot when a task throws", async () => {
    const pool = new SandboxPool({ concurrency: 1 });
    await expect(pool.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await pool.run(async () => "next")).toBe("next");
  });

  it("backpressure: waitForCapacity holds producers while too many submissions wait", async () => {
    const pool = new SandboxPool({ concurrency: 1, highWaterMark: 2 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const blocked = [pool.run(() => gate), pool.run(async () => {}), pool.run(async () => {})];
    expect(pool.queued).toBe(2);
    let admitted = false;
    const waiting = pool.waitForCapacity().then(() => (admitted = true));
    await tick();
    expect(admitted).toBe(false);
    release();
    await Promise.all(blocked);
    await waiting;
    expect(admitted).toBe(true);
  });

  it("gives each slot its own uid when running as root", () => {
    const pool = new SandboxPool({ concurrency: 3, uidBase: 65000 });
    if (process.getuid?.() === 0) expect(pool.uids).toEqual([65000, 65001, 65002]);
    else expect(pool.uids).toEqual([]);
  });
});
