import { Worker } from "node:worker_threads";

// The worker's code as a string (eval: true), so it works the same under tsx, vitest and Next's
// bundler, none of which has to find a separate worker file. bcryptjs is resolved from the project.
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const bcrypt = createRequire(workerData.root + "/package.json")("bcryptjs");
parentPort.on("message", ({ id, password, hash }) => {
  let ok = false;
  try { ok = bcrypt.compareSync(password, hash); } catch { ok = false; }
  parentPort.postMessage({ id, ok });
});
`;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (ok: boolean) => void>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(SOURCE, { eval: true, workerData: { root: process.cwd() } });
  w.on("message", ({ id, ok }: { id: number; ok: boolean }) => {
    pending.get(id)?.(ok);
    pending.delete(id);
    if (pending.size === 0) w.unref(); // idle: never keeps a CLI or test process alive
  });
  const fail = () => {
    // a dead worker answers "no" to everything still waiting; the next call starts a fresh one
    for (const resolve of pending.values()) resolve(false);
    pending.clear();
    worker = null;
  };
  w.on("error", fail);
  w.on("exit", fail);
  worker = w;
  return w;
}

/**
 * bcryptjs is plain JavaScript: about 0.25 s of CPU per check at cost 12, and on the event loop it
 * would stall every other request for that long. Existing bcrypt hashes are checked on this one
 * worker thread instead (one at a time; lib/auth/hash-slots.ts bounds how many wait).
 */
export function bcryptCompareInWorker(password: string, hash: string): Promise<boolean> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    const w = getWorker();
    w.ref(); // a check in flight keeps the process alive until it answers
    w.postMessage({ id, password, hash });
  });
}
