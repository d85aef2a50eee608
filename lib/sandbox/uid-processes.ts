import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";

/** Processes of a uid that are still alive (zombies excluded: they have already exited), from /proc. */
export function livingProcesses(uid: number): { pid: number; state: string; command: string }[] {
  const found: { pid: number; state: string; command: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let status: string;
    try {
      status = readFileSync(`/proc/${entry}/status`, "utf8");
    } catch {
      continue;
    }
    const realUid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
    const state = /^State:\s+(\S)/m.exec(status)?.[1] ?? "?";
    if (realUid !== uid || state === "Z" || state === "X") continue;
    found.push({ pid: Number(entry), state, command: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "" });
  }
  return found;
}

/**
 * SIGKILL every process of a uid until none is left: the unsandboxed
 * (development) mode's cleanup, safe only because each pool slot has a uid of
 * its own that nothing else runs as. Never call it with a uid that is shared.
 */
export async function killProcessesOf(uid: number, timeoutMs = 2_000): Promise<void> {
  if (uid === 0 || uid === process.getuid?.()) throw new Error(`refusing to kill every process of uid ${uid}`);
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const living = livingProcesses(uid);
    if (living.length === 0 || performance.now() > deadline) return;
    for (const { pid } of living) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Resolves once a process has exited (its /proc entry is gone or a zombie).
 * For a sandbox's PID 1 that means every process of its namespace is gone:
 * the kernel kills and reaps them all before PID 1 finishes exiting.
 */
export async function waitUntilGone(pid: number, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    let state: string;
    try {
      state = (await readFile(`/proc/${pid}/stat`, "latin1")).split(") ")[1]?.[0] ?? "";
    } catch {
      return;
    }
    if (state === "Z" || state === "X") return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Processes of a uid, zombies included: RLIMIT_NPROC counts those too until someone reaps them. */
export function countProcessesIncludingZombies(uid: number): number {
  let count = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1]) === uid) count++;
    } catch {
      // exited meanwhile
    }
  }
  return count;
}

/**
 * A sandbox's own init is orphaned when bwrap exits first, and becomes a zombie until the machine's
 * init reaps it; where that init is slow (a container's or VM's stand-in), zombies pile up against the
 * uid's process limit and the next sandbox cannot even fork ("Can't fork for pid 1"). Wait (bounded)
 * until the uid has room again.
 */
export async function waitForProcessHeadroom(uid: number, below: number, timeoutMs = 3_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (countProcessesIncludingZombies(uid) >= below && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
