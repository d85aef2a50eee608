import os from "node:os";
import { warnIfNoCgroups } from "./cgroups";
import type { SandboxSlot } from "./engine-context";
import { releaseSlotResources } from "./slot-resources";
import { leaseUids, releaseUids } from "./uid-leases";
import { env } from "../config/env";

export interface SandboxPoolOptions {
  /** Submissions judged at once; default: the number of cores (each runs its tests on one core). */
  concurrency?: number;
  /** First of the slots' uids (two per slot: its supervisor's and its programs'); default RLEF_SANDBOX_UID_BASE or 61000. */
  uidBase?: number;
  /** How many waiting submissions count as "full" for waitForCapacity(); default 2 × concurrency. */
  highWaterMark?: number;
  /**
   * Start each slot's next sandbox as soon as its last submission ends, so
   * bwrap and the interpreter's start-up are paid before the next one arrives
   * (default true; one idle sandbox per slot, killed with us).
   */
  prewarm?: boolean;
}

interface Waiter {
  resolve: (slot: SandboxSlot) => void;
}

/**
 * Bounds how many submissions are judged at once and hands each a slot with
 * its own unprivileged uid, so per-uid limits and "kill by uid" checks never
 * mix two submissions. Producers that can outrun the judges (the worker
 * generating episodes) await waitForCapacity() before submitting more.
 */
export class SandboxPool {
  readonly concurrency: number;
  readonly highWaterMark: number;
  private readonly slots: SandboxSlot[] = [];
  private readonly free: SandboxSlot[] = [];
  private readonly busySlots = new Set<SandboxSlot>();
  private readonly waiting: Waiter[] = [];
  private readonly capacityWaiters: (() => void)[] = [];

  constructor(options: SandboxPoolOptions = {}) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? os.availableParallelism()));
    this.highWaterMark = Math.max(0, options.highWaterMark ?? 2 * this.concurrency);
    const uidBase = options.uidBase ?? Number(env().RLEF_SANDBOX_UID_BASE ?? 61000);
    const canSwitchUser = typeof process.getuid === "function" && process.getuid() === 0;
    // The supervisors' uids first (slot i: the i-th), then the programs' (above them).
    const uids = canSwitchUser ? leaseUids(uidBase, this.concurrency) : [];
    const testUids = canSwitchUser ? leaseUids(uidBase, this.concurrency) : [];
    for (let id = 0; id < this.concurrency; id++) {
      const uid = canSwitchUser ? uids[id] : null;
      const testUid = canSwitchUser ? testUids[id] : null;
      this.slots.push({ id, uid, gid: uid, testUid, testGid: testUid, prewarm: options.prewarm ?? true, standby: null, resources: null });
    }
    this.free.push(...this.slots);
    warnIfNoCgroups();
  }

  /** The slots' supervisor uids, one per slot (empty when not root: the sandbox then runs as our own uid). */
  get uids(): number[] {
    return this.slots.map((s) => s.uid).filter((u): u is number => u !== null);
  }

  /** Every uid the slots use, supervisors' and programs'. */
  get allUids(): number[] {
    return [...this.uids, ...this.testUids];
  }

  /** The uids the programs run as, one per slot. */
  get testUids(): number[] {
    return this.slots.map((s) => s.testUid).filter((u): u is number => u !== null);
  }

  get active(): number {
    return this.busySlots.size;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Run task on a free slot, waiting for one if all are busy (FIFO). */
  async run<T>(task: (slot: SandboxSlot) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      return await task(slot);
    } finally {
      this.release(slot);
    }
  }

  /** Stop the slots' standby sandboxes (they would also die with this process). */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        const standby = slot.standby;
        slot.prewarm = false;
        slot.standby = null;
        await standby?.then(
          (sandbox) => sandbox.dispose(),
          () => {},
        );
        await releaseSlotResources(slot);
      }),
    );
    releaseUids(this.allUids);
  }

  /** Resolves once fewer than highWaterMark submissions are waiting for a slot. */
  waitForCapacity(): Promise<void> {
    if (this.waiting.length < this.highWaterMark) return Promise.resolve();
    return new Promise((resolve) => this.capacityWaiters.push(resolve));
  }

  private acquire(): Promise<SandboxSlot> {
    const slot = this.free.shift();
    if (slot) {
      this.busySlots.add(slot);
      return Promise.resolve(slot);
    }
    return new Promise((resolve) => this.waiting.push({ resolve }));
  }

  private release(slot: SandboxSlot): void {
    const next = this.waiting.shift();
    if (next) {
      next.resolve(slot);
    } else {
      this.busySlots.delete(slot);
      this.free.push(slot);
      this.free.sort((a, b) => a.id - b.id);
    }
    while (this.capacityWaiters.length > 0 && this.waiting.length < this.highWaterMark) this.capacityWaiters.shift()!();
  }
}

let defaultPool: SandboxPool | null = null;

/** The process-wide pool judgeSubmission uses; size from RLEF_SANDBOX_CONCURRENCY or the core count. */
export function getSandboxPool(): SandboxPool {
  if (!defaultPool) {
    const configured = Number(env().RLEF_SANDBOX_CONCURRENCY);
    defaultPool = new SandboxPool({ concurrency: Number.isFinite(configured) && configured > 0 ? configured : undefined });
  }
  return defaultPool;
}
