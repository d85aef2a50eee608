import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import type { Readable, Writable } from "node:stream";
import { SANDBOX_RUNTIME_DIR, SANDBOX_SOLUTION_PATH, SUPERVISOR_CAPABILITIES, bwrapArgs } from "./bwrap";
import { emptyEnv, spawnIdentity, type SandboxSlot } from "./engine-context";
import { SHM_BYTES, TMPFS_BYTES } from "./limits";
import { slotResources, type SlotResources } from "./slot-resources";
import { OutputCapture } from "./output-capture";
import type { PythonRuntime } from "./python-runtime";
import { encodeCompileFrame, encodeRecord, FrameReader, type Frame } from "./supervisor-protocol";
import { waitUntilGone } from "./uid-processes";
import { createWorkdir, writeSolution, type Workdir } from "./workdir";
import { env } from "../config/env";

/**
 * The supervisor enforces every deadline: on a busy machine a test's time-limit
 * kill must not wait for a CPU. As root we raise its priority; each test child
 * drops back to our own niceness first thing (supervisor.py), so programs
 * run exactly as a plain `python3` would. Not root: nothing happens.
 */
export const SUPERVISOR_NICENESS = -5;

export interface SandboxConfig {
  runtime: PythonRuntime;
  /** null: the unsafe unsandboxed mode. */
  bwrap: string | null;
}

/**
 * A started sandbox whose supervisor waits for its program: bwrap, the
 * interpreter and the supervisor's imports (most of a submission's fixed
 * cost) are paid before the submission arrives. One submission uses it, then
 * it is disposed of; the pool keeps one standby per slot.
 */
export class WarmSandbox {
  readonly diagnostics = new OutputCapture();
  private frameListener: ((frame: Frame) => void) | null = null;
  private exitListener: ((code: number | null, signal: NodeJS.Signals | null) => void) | null = null;
  private exitStatus: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly earlyFrames: Frame[] = [];
  private disposed: Promise<void> | null = null;

  private constructor(
    readonly workdir: Workdir,
    readonly child: ChildProcess,
    readonly key: string,
    private readonly sandboxed: boolean,
  ) {}

  static async start(config: SandboxConfig, slot: SandboxSlot): Promise<WarmSandbox> {
    const resources = await slotResources(slot, config.runtime.executable);
    const workdir = await createWorkdir();
    const child = spawnSupervisor(config, slot, workdir, resources);
    const sandbox = new WarmSandbox(workdir, child, sandboxKey(config), config.bwrap !== null);
    sandbox.wire();
    live.add(sandbox);
    return sandbox;
  }

  get toSupervisor(): Writable {
    return this.child.stdio[3] as Writable;
  }

  get exited(): boolean {
    return this.exitStatus !== null;
  }

  /** Route frames and the exit to the session using this sandbox (which then keeps the process alive). */
  attach(onFrame: (frame: Frame) => void, onExit: (code: number | null, signal: NodeJS.Signals | null) => void): void {
    this.frameListener = onFrame;
    this.exitListener = onExit;
    this.setKeepsProcessAlive(true);
    for (const frame of this.earlyFrames.splice(0)) onFrame(frame);
    if (this.exitStatus) onExit(this.exitStatus.code, this.exitStatus.signal);
  }

  /** Put the program in place and have the supervisor compile it (it answers with 'H'). */
  async load(code: string): Promise<void> {
    await writeSolution(this.workdir.solutionPath, code);
    this.toSupervisor.write(encodeCompileFrame());
  }

  /** Once the supervisor has said hello it surely exists: raise its priority (root only). */
  prioritise(): void {
    prioritiseSupervisor(this.child.pid, this.sandboxed);
  }

  /**
   * Ask the supervisor to quit (`graceful`: it kills and reaps everything, then
   * bwrap reaps it) or SIGKILL bwrap; then remove the work dir. Resolves once
   * nothing of the sandbox is left.
   */
  async dispose(graceful?: Buffer): Promise<void> {
    if (this.disposed) return this.disposed;
    this.disposed = (async () => {
      if (!this.exited && this.child.pid !== undefined) {
        this.setKeepsProcessAlive(true); // we wait for its exit: a standby is unref'd
        const supervisor = this.sandboxed ? childOf(this.child.pid) : null;
        const gone = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
        if (graceful) {
          this.toSupervisor.end(graceful);
          setTimeout(() => this.child.kill("SIGKILL"), 2_000).unref();
        } else {
          this.child.kill("SIGKILL");
        }
        await gone;
        // Killed, bwrap dies before its PID 1 has torn the namespace down.
        if (supervisor) await waitUntilGone(supervisor);
      }
      await this.workdir.cleanup();
      live.delete(this);
    })();
    return this.disposed;
  }

  /** At process exit (a standby nobody took): kill it (its work dir goes with workdir.ts's exit hook). */
  disposeNow(): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(this.child.pid, "SIGKILL"); // whatever we believe its state is
    } catch {
      // already gone
    }
  }

  private wire(): void {
    const reader = new FrameReader((frame) => (this.frameListener ? this.frameListener(frame) : this.earlyFrames.push(frame)));
    const streams = this.child.stdio as unknown as (Readable | Writable | null)[];
    streams[4]!.on("data", (chunk: Buffer) => {
      try {
        reader.push(chunk);
      } catch (err) {
        this.diagnostics.push(Buffer.from(`supervisor protocol error: ${(err as Error).message}\n`));
        this.child.kill("SIGKILL");
      }
    });
    for (const index of [2, 5]) streams[index]!.on("data", (chunk: Buffer) => this.diagnostics.push(chunk));
    this.toSupervisor.on("error", () => {}); // EPIPE when the sandbox dies; reported through "exit"
    this.child.on("error", (err) => {
      this.diagnostics.push(Buffer.from(`cannot start the sandbox: ${err.message}\n`));
      this.onExit(null, null);
    });
    this.child.on("exit", (code, signal) => this.onExit(code, signal));
    // A standby must not keep the process alive (bwrap --die-with-parent ends it with us).
    this.setKeepsProcessAlive(false);
  }

  private setKeepsProcessAlive(alive: boolean): void {
    const handles = [this.child, ...(this.child.stdio as unknown as ({ ref?: () => void; unref?: () => void } | null)[])];
    for (const handle of handles) {
      if (alive) handle?.ref?.();
      else handle?.unref?.();
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exitStatus) return;
    this.exitStatus = { code, signal };
    this.exitListener?.(code, signal);
  }
}

const live = new Set<WarmSandbox>();
process.once("exit", () => {
  for (const sandbox of live) sandbox.disposeNow();
});

/** A standby is usable only under the settings it was started with. */
export function sandboxKey(config: SandboxConfig): string {
  return JSON.stringify([config.bwrap, config.runtime.executable, env().RLEF_SANDBOX_TMPDIR ?? "", os.tmpdir()]);
}

/** Where the supervisor finds the cgroup.procs fds (then the user namespace's fd, for bwrap). */
const JOIN_FD = 6;
const USERNS_FD = 8;

function spawnSupervisor(config: SandboxConfig, slot: SandboxSlot, workdir: Workdir, resources: SlotResources): ChildProcess {
  const joinFds = resources.cgroup?.joinFds ?? [];
  const userns = config.bwrap === null ? null : resources.userns;
  const stdio: (number | "ignore" | "pipe")[] = [
    "ignore",
    "ignore",
    "pipe",
    "pipe",
    "pipe",
    "pipe",
    ...[0, 1].map((i) => joinFds[i] ?? "ignore"),
  ];
  if (userns) stdio[USERNS_FD] = userns.fd;
  // fd 2 carries bwrap's own errors (a mount that failed); 3/4 frames; 5 the supervisor's diagnostics.
  const options = { stdio, env: emptyEnv(), ...spawnIdentity(slot) };
  // supervisor.py's isolation record: which fds join the cgroups, the test identity, the fresh tmpfs sizes.
  const isolation = encodeRecord({
    join: joinFds.map((_, i) => JOIN_FD + i).join("."),
    uid: userns ? slot.testUid : null,
    gid: userns ? slot.testGid : null,
    tmp: TMPFS_BYTES,
    shm: SHM_BYTES,
  });
  const python = config.runtime.executable;
  if (config.bwrap === null) {
    return spawn(python, [workdir.supervisorPath, workdir.solutionPath, "unsandboxed", isolation], { ...options, cwd: workdir.codeDir });
  }
  const command = [python, `${SANDBOX_RUNTIME_DIR}/supervisor.py`, SANDBOX_SOLUTION_PATH, "sandboxed", isolation];
  const args = bwrapArgs({
    runtime: config.runtime,
    codeDir: workdir.codeDir,
    runtimeDir: workdir.runtimeDir,
    asPid1: true,
    command,
    ...(userns ? { usernsFd: USERNS_FD, capabilities: SUPERVISOR_CAPABILITIES } : {}),
  });
  return spawn(config.bwrap, args, options);
}

/** bwrap --as-pid-1: the supervisor is the one child of the bwrap we spawned (host pid). */
function childOf(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/)[0]) || null;
  } catch {
    return null;
  }
}

function prioritiseSupervisor(spawnedPid: number | undefined, sandboxed: boolean): void {
  if (spawnedPid === undefined || process.getuid?.() !== 0) return;
  const pid = sandboxed ? childOf(spawnedPid) : spawnedPid;
  try {
    if (pid) os.setPriority(pid, Math.max(-20, os.getPriority() + SUPERVISOR_NICENESS));
  } catch {
    // Not permitted (no CAP_SYS_NICE): deadlines are then as good as the scheduler makes them.
  }
  // The supervisor shares the slot's memory cgroup with its tests: the OOM
  // killer must pick a test process, never it. The legacy oom_adj file sets no
  // floor (oom_score_adj would set oom_score_adj_min too, which the test
  // children inherit), so a test that resets itself to 0 cannot go below 0 again.
  if (pid) {
    try {
      writeFileSync(`/proc/${pid}/oom_adj`, "-17");
    } catch {
      // gone already, or no such file: the supervisor may then be OOM-killed (the test is MEMORY_LIMIT all the same)
    }
  }
}
