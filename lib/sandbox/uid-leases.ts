import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Per-uid limits (RLIMIT_NPROC) and "nothing of this uid survives" checks only hold when no other
// process uses the same uid at the same time: a second worker, a CLI run or a parallel test file
// would otherwise share the slots' uids. Each process leases its uids with a lock file per uid.
const LEASE_DIR = path.join(os.tmpdir(), "rlef-sandbox-uids");
const SPAN = 4096;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function tryLease(uid: number): boolean {
  const file = path.join(LEASE_DIR, String(uid));
  try {
    fs.writeFileSync(file, String(process.pid), { flag: "wx" });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const holder = Number(fs.readFileSync(file, "utf8"));
  if (holder === process.pid || (holder > 0 && alive(holder))) return false;
  // the holder died without releasing: take the lease over (rename is atomic)
  const mine = `${file}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid));
  fs.renameSync(mine, file);
  return Number(fs.readFileSync(file, "utf8")) === process.pid;
}

const held = new Set<number>();
let exitHook = false;

/** `count` uids from `base` upward that no other live process of ours is using; released at exit. */
export function leaseUids(base: number, count: number): number[] {
  fs.mkdirSync(LEASE_DIR, { recursive: true, mode: 0o700 });
  const uids: number[] = [];
  for (let uid = base; uid < base + SPAN && uids.length < count; uid++) {
    if (held.has(uid)) continue;
    if (tryLease(uid)) {
      held.add(uid);
      uids.push(uid);
    }
  }
  if (uids.length < count) throw new Error(`no free sandbox uids in ${base}..${base + SPAN - 1} (see ${LEASE_DIR})`);
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => releaseUids([...held]));
  }
  return uids;
}

export function releaseUids(uids: number[]): void {
  for (const uid of uids) {
    if (!held.delete(uid)) continue;
    try {
      const file = path.join(LEASE_DIR, String(uid));
      if (Number(fs.readFileSync(file, "utf8")) === process.pid) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  }
}
