import { readdirSync, readFileSync } from "node:fs";

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
