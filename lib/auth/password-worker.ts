import { Worker } from "node:worker_threads";
import { HASH_CONCURRENCY } from "./hash-slots";

/**
 * Password hashing runs on worker threads with a lower scheduling priority than the rest of the
 * process. Linux keeps a nice value per thread, so the worker renices only itself: when sign-ins and
 * page renders compete for the CPU, the renders win (at nice 10 a hash gets about a tenth of a
 * contended core), and on an idle machine a hash takes as long as ever. bench/sign-in-flood.ts
 * measured why: with hashing at the process's own priority, a flood of wrong guesses took a full
 * core from signed-in users on a 2-core machine. scrypt on libuv's pool could not be reniced (its
 * threads are shared with file and DNS work); bcryptjs is plain JavaScript and needs a thread anyway.
 */
export const HASHING_NICE = 10;

// The worker's code as a string (eval: true), so it works the same under tsx, vitest and Next's
// bundler, none of which has to find a separate worker file. bcryptjs is resolved from the project.
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const crypto = require("node:crypto");
const os = require("node:os");
const { createRequire } = require("node:module");
// relative to the process: a server started under nice keeps its hashing below its renders too
try { os.setPriority(Math.min(19, os.getPriority() + workerData.nice)); } catch {}
let bcrypt = null;
parentPort.on("message", (m) => {
  if (m.kind === "priority") return parentPort.postMessage({ id: m.id, value: os.getPriority() });
  if (m.kind === "bcrypt") {
    let ok = false;
    try {
      bcrypt ??= createRequire(workerData.root + "/package.json")("bcryptjs");
      ok = bcrypt.compareSync(m.password, m.hash);
    } catch { ok = false; }
    return parentPort.postMessage({ id: m.id, value: ok });
  }
  try {
    const key = crypto.scryptSync(m.password, Buffer.from(m.salt), m.keyBytes, m.options);
    parentPort.postMessage({ id: m.id, value: key });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String((err && err.message) || err) });
  }
});
`;

type Reply = { id: number; value?: unknown; error?: string };
type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void };

class PasswordWorker {
  private worker: Worker | null = null;
  private nextId = 0;
  readonly pending = new Map<number, Pending>();

  call(message: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const w = this.get();
      w.ref(); // a hash in flight keeps the process alive until it answers
      w.postMessage({ ...message, id });
    });
  }

  private get(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(SOURCE, { eval: true, workerData: { root: process.cwd(), nice: HASHING_NICE } });
    w.on("message", ({ id, value, error }: Reply) => {
      const p = this.pending.get(id);
      this.pending.delete(id);
      if (error !== undefined) p?.reject(new Error(error));
      else p?.resolve(value);
      if (this.pending.size === 0) w.unref(); // idle: never keeps a CLI or test process alive
    });
    const fail = (err?: Error) => {
      // a dead worker fails everything still waiting; the next call starts a fresh one
      for (const p of this.pending.values()) p.reject(err ?? new Error("the password worker exited"));
      this.pending.clear();
      if (this.worker === w) this.worker = null;
    };
    w.on("error", fail);
    w.on("exit", () => fail());
    this.worker = w;
    return w;
  }
}

// As many threads as hash-slots.ts lets hashes run at once.
const pool = Array.from({ length: HASH_CONCURRENCY }, () => new PasswordWorker());

function leastBusy(): PasswordWorker {
  return pool.reduce((best, w) => (w.pending.size < best.pending.size ? w : best));
}

export async function scryptInWorker(password: string, salt: Buffer, keyBytes: number, options: object): Promise<Buffer> {
  const key = (await leastBusy().call({ kind: "scrypt", password, salt, keyBytes, options })) as Uint8Array;
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
}

/** bcryptjs: about 0.25 s of CPU per check at cost 12; a hash that cannot be read is a mismatch. */
export async function bcryptCompareInWorker(password: string, hash: string): Promise<boolean> {
  return (await leastBusy().call({ kind: "bcrypt", password, hash })) as boolean;
}

/** The nice value the hashing threads run at. */
export async function hashingThreadPriority(): Promise<number> {
  return (await leastBusy().call({ kind: "priority" })) as number;
}
