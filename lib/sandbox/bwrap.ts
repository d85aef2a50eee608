import { accessSync, constants } from "node:fs";
import path from "node:path";
import { SHM_BYTES, TMPFS_BYTES } from "./limits";
import { PROGRAM_ENV } from "./program-env";
import type { PythonRuntime } from "./python-runtime";
import { env } from "../config/env";

/** Where the sandbox sees the program; tracebacks show File "/sandbox/solution.py". */
export const SANDBOX_CODE_DIR = "/sandbox";
export const SANDBOX_SOLUTION_PATH = "/sandbox/solution.py";
export const SANDBOX_RUNTIME_DIR = "/rlef";

export class SandboxUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `${detail}: refusing to run untrusted code without isolation. ` +
        "Install bubblewrap (Debian/Ubuntu package `bubblewrap`: apt-get install bubblewrap; " +
        "Fedora/Arch: `bubblewrap`), or set RLEF_BWRAP to its path. For development only, " +
        "`--unsafe-no-sandbox` (JudgeRequest.unsafeNoSandbox) runs the code unisolated.",
    );
    this.name = "SandboxUnavailableError";
  }
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The bwrap binary: RLEF_BWRAP, else the first `bwrap` on PATH or in /usr/bin. */
export function findBwrap(): string | null {
  const configured = env().RLEF_BWRAP;
  if (configured) return executable(configured) ? configured : null;
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean), "/usr/bin", "/bin"];
  for (const dir of dirs) {
    const candidate = path.join(dir, "bwrap");
    if (executable(candidate)) return candidate;
  }
  return null;
}

export function requireBwrap(): string {
  const found = findBwrap();
  if (!found) {
    throw new SandboxUnavailableError(
      env().RLEF_BWRAP ? `RLEF_BWRAP=${env().RLEF_BWRAP} is not an executable` : "bubblewrap (bwrap) was not found",
    );
  }
  return found;
}

export interface BwrapOptions {
  runtime: PythonRuntime;
  /** Host directory holding solution.py; mounted read-only at /sandbox. */
  codeDir: string;
  /** Host directory holding supervisor.py; mounted read-only at /rlef (fast engine only). */
  runtimeDir?: string;
  /** The command becomes PID 1 of the namespace (the supervisor reaps and kills). */
  asPid1: boolean;
  command: string[];
  /**
   * fd of the slot's two-uid user namespace to join (slot-userns.ts) instead
   * of making a one-uid one; it has user namespaces disabled inside already.
   */
  usernsFd?: number;
  /** Capabilities the command keeps inside that user namespace (the fast engine's supervisor). */
  capabilities?: string[];
}

/** What the fast engine's supervisor needs to build each test's namespaces, switch it to the test uid and kill it. */
export const SUPERVISOR_CAPABILITIES = ["CAP_SETUID", "CAP_SETGID", "CAP_SYS_ADMIN", "CAP_KILL"];

/**
 * Every namespace unshared (user, pid, net, ipc, uts, cgroup, mount), no way
 * to make more user namespaces, no capabilities (unprivileged user namespace),
 * an empty read-only root with only the interpreter's files bound in, private
 * size-limited /tmp and /dev/shm, a clean environment, and death with its parent.
 */
export function bwrapArgs(opts: BwrapOptions): string[] {
  const namespaces =
    opts.usernsFd === undefined
      ? ["--unshare-all", "--unshare-user", "--disable-userns"]
      : ["--userns", String(opts.usernsFd), "--unshare-pid", "--unshare-ipc", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"];
  const args = [
    ...namespaces,
    ...(opts.capabilities ?? []).flatMap((cap) => ["--cap-add", cap]),
    "--die-with-parent",
    "--new-session",
    "--hostname",
    "sandbox",
    "--clearenv",
    "--setenv",
    "PATH",
    "/usr/bin:/bin",
  ];
  for (const [name, value] of Object.entries(PROGRAM_ENV)) args.push("--setenv", name, value);
  for (const { source, dest } of opts.runtime.binds) args.push("--ro-bind", source, dest);
  args.push("--ro-bind", opts.codeDir, SANDBOX_CODE_DIR);
  if (opts.runtimeDir) args.push("--ro-bind", opts.runtimeDir, SANDBOX_RUNTIME_DIR);
  // bwrap makes a bind's missing parents 0700, owned by whoever runs it: in
  // the slot's user namespace that is the supervisor's uid, not the test's.
  if (opts.usernsFd !== undefined) {
    const dests = [...opts.runtime.binds.map((b) => b.dest), SANDBOX_CODE_DIR, ...(opts.runtimeDir ? [SANDBOX_RUNTIME_DIR] : [])];
    for (const dir of createdParents(dests)) args.push("--chmod", "0755", dir);
  }
  args.push(
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--size",
    String(SHM_BYTES),
    "--tmpfs",
    "/dev/shm",
    "--size",
    String(TMPFS_BYTES),
    "--tmpfs",
    "/tmp",
    "--chmod",
    "1777",
    "/tmp",
    "--remount-ro",
    "/dev",
    "--remount-ro",
    "/",
    "--chdir",
    SANDBOX_CODE_DIR,
  );
  if (opts.asPid1) args.push("--as-pid-1");
  args.push("--", ...opts.command);
  return args;
}

/** The directories bwrap creates on the way to these mount points (every ancestor that is not itself inside a bind). */
export function createdParents(dests: string[]): string[] {
  const inBind = (dir: string) => dests.some((dest) => dir === dest || dir.startsWith(dest + "/"));
  const parents = new Set<string>();
  for (const dest of dests) {
    for (let dir = path.posix.dirname(dest); dir !== "/" && !inBind(dir); dir = path.posix.dirname(dir)) parents.add(dir);
  }
  return [...parents].sort();
}
