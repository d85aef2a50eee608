import { env } from "../config/env";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Memory and process accounting per sandbox slot, the way the kernel counts
 * them: a memory cgroup (its limit includes shmem, tmpfs and memfd pages,
 * which RLIMIT_AS does not see) and a pids cgroup. Only a test's processes
 * are in it (the supervisor and bwrap are not): a test that hits the limit is
 * OOM-killed inside it, never the supervisor, Postgres or the worker.
 *
 * A slot's cgroups are made once (named after the slot's leased uid, so no
 * two live processes share one) and reused; each submission sets the limits.
 * Processes join through a cgroup.procs fd we open as root and hand to the
 * sandbox: the kernel checks the opener's credentials (Linux ≥ 5.16), so the
 * unprivileged test process (or the plain engine's wrapper) moves itself in
 * by writing "0" before the program starts.
 */
export type CgroupMode = "v1" | "v2";

const ROOT = env().RLEF_SANDBOX_CGROUP_ROOT ?? "/sys/fs/cgroup";
const GROUP = "rlef-sandbox";

export interface CgroupSupport {
  mode: CgroupMode | null;
  /** Why there is no cgroup accounting (mode null), for the loud warning and the run's notices. */
  reason: string | null;
}

let detected: CgroupSupport | null = null;

/** Which cgroup hierarchy we can use (RLEF_SANDBOX_CGROUPS=off disables them). Probed once. */
export function detectCgroups(): CgroupSupport {
  if (detected) return detected;
  detected = probe();
  return detected;
}

function probe(): CgroupSupport {
  if (env().RLEF_SANDBOX_CGROUPS === "off") return { mode: null, reason: "RLEF_SANDBOX_CGROUPS=off" };
  if (process.getuid?.() !== 0) return { mode: null, reason: "not running as root (cgroups need root to create)" };
  const v1 = path.join(ROOT, "memory", "memory.limit_in_bytes");
  const v1pids = path.join(ROOT, "pids", "cgroup.procs");
  try {
    if (existsSync(v1) && existsSync(v1pids)) {
      mkdirSync(path.join(ROOT, "memory", GROUP), { recursive: true });
      mkdirSync(path.join(ROOT, "pids", GROUP), { recursive: true });
      return { mode: "v1", reason: null };
    }
    const controllers = path.join(ROOT, "cgroup.controllers");
    if (existsSync(controllers)) {
      const available = readFileSync(controllers, "utf8").split(/\s+/);
      if (!available.includes("memory") || !available.includes("pids")) {
        return { mode: null, reason: `cgroup v2 at ${ROOT} lacks the memory or pids controller` };
      }
      const group = path.join(ROOT, GROUP);
      mkdirSync(group, { recursive: true });
      writeFileSync(path.join(group, "cgroup.subtree_control"), "+memory +pids");
      return { mode: "v2", reason: null };
    }
    return { mode: null, reason: `no writable memory and pids cgroup controllers under ${ROOT}` };
  } catch (err) {
    return { mode: null, reason: `cannot create cgroups under ${ROOT}: ${(err as Error).message}` };
  }
}

/** The cgroup limits a submission runs under. */
export interface CgroupLimits {
  memoryBytes: number;
  processes: number;
}

/** One slot's cgroup(s); `joinFds` are open cgroup.procs files a process writes "0" to in order to join. */
export class SlotCgroup {
  private applied: CgroupLimits | null = null;
  private closed = false;

  private constructor(
    readonly mode: CgroupMode,
    private readonly memoryDir: string,
    private readonly pidsDir: string,
    readonly joinFds: number[],
  ) {}

  static create(name: string): SlotCgroup | null {
    const { mode } = detectCgroups();
    if (mode === null) return null;
    const memoryDir = mode === "v1" ? path.join(ROOT, "memory", GROUP, name) : path.join(ROOT, GROUP, name);
    const pidsDir = mode === "v1" ? path.join(ROOT, "pids", GROUP, name) : memoryDir;
    const dirs = [...new Set([memoryDir, pidsDir])];
    for (const dir of dirs) mkdirSync(dir, { recursive: true });
    const joinFds = dirs.map((dir) => openSync(path.join(dir, "cgroup.procs"), "w"));
    if (mode === "v1") {
      // No swapping a test's pages out to dodge the limit.
      tryWrite(path.join(memoryDir, "memory.swappiness"), "0");
    }
    return new SlotCgroup(mode, memoryDir, pidsDir, joinFds);
  }

  /** Set the limits for the next submission (a write only when they change). */
  apply(limits: CgroupLimits): void {
    if (this.applied && this.applied.memoryBytes === limits.memoryBytes && this.applied.processes === limits.processes) return;
    const bytes = String(limits.memoryBytes);
    if (this.mode === "v1") {
      const memory = path.join(this.memoryDir, "memory.limit_in_bytes");
      const memsw = path.join(this.memoryDir, "memory.memsw.limit_in_bytes");
      // memsw must stay ≥ the memory limit: raising, it goes first; lowering, last.
      try {
        tryWrite(memsw, bytes);
        writeFileSync(memory, bytes);
      } catch {
        writeFileSync(memory, bytes);
      }
      tryWrite(memsw, bytes);
      writeFileSync(path.join(this.pidsDir, "pids.max"), String(limits.processes));
    } else {
      writeFileSync(path.join(this.memoryDir, "memory.max"), bytes);
      tryWrite(path.join(this.memoryDir, "memory.swap.max"), "0");
      writeFileSync(path.join(this.pidsDir, "pids.max"), String(limits.processes));
    }
    this.applied = { ...limits };
  }

  /** How often the kernel's OOM killer has acted in this cgroup (a counter; compare before/after a test). */
  oomKills(): number {
    try {
      if (this.mode === "v1") {
        return Number(/^oom_kill (\d+)/m.exec(readFileSync(path.join(this.memoryDir, "memory.oom_control"), "utf8"))?.[1] ?? 0);
      }
      return Number(/^oom_kill (\d+)/m.exec(readFileSync(path.join(this.memoryDir, "memory.events"), "utf8"))?.[1] ?? 0);
    } catch {
      return 0;
    }
  }

  /** Bytes charged to the cgroup now (after a test: what it left behind). */
  usageBytes(): number {
    const file = this.mode === "v1" ? "memory.usage_in_bytes" : "memory.current";
    try {
      return Number(readFileSync(path.join(this.memoryDir, file), "utf8").trim());
    } catch {
      return 0;
    }
  }

  /** Close the join fds and remove the cgroups (they are empty once every sandbox of the slot is gone). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const fd of this.joinFds) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    for (const dir of new Set([this.memoryDir, this.pidsDir])) {
      try {
        rmdirSync(dir);
      } catch {
        // still in use (a process dying) or gone: a later run of the same uid reuses it
      }
    }
  }
}

function tryWrite(file: string, value: string): void {
  try {
    writeFileSync(file, value);
  } catch {
    // an optional knob this kernel lacks (no swap accounting)
  }
}

let warned = false;

/** The loud start-up warning when memory is bounded by RLIMIT_AS alone. */
export function warnIfNoCgroups(): void {
  const { mode, reason } = detectCgroups();
  if (mode !== null || warned) return;
  warned = true;
  console.warn(
    `\n[rlef sandbox] !!! NO MEMORY CGROUP: ${reason}.\n` +
      "[rlef sandbox] !!! Memory is bounded only by RLIMIT_AS per process: memfd, SysV shm and tmpfs pages are not counted,\n" +
      "[rlef sandbox] !!! so a program can exhaust the host's memory. Run as root with the memory and pids controllers (v1 or v2).\n",
  );
}

/** A line for a run's notices when submissions are judged without memory cgroups, else null. */
export function cgroupNotice(): string | null {
  const { mode, reason } = detectCgroups();
  return mode === null
    ? `sandbox without a memory cgroup (${reason}): memory limits are RLIMIT_AS only, shared memory is not counted`
    : null;
}
