import { accessSync, constants } from "node:fs";
import path from "node:path";
import { SHM_BYTES, TMPFS_BYTES } from "./limits";
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
}

/**
 * Every namespace unshared (user, pid, net, ipc, uts, cgroup, mount), no way
 * to make more user namespaces, no capabilities (unprivileged user namespace),
 * an empty read-only root with only the interpreter's files bound in, private
 * size-limited /tmp and /dev/shm, a clean environment, and death with its parent.
 */
export function bwrapArgs(opts: BwrapOptions): string[] {
  const args = [
    "--unshare-all",
    "--unshare-user",
    "--disable-userns",
    "--die-with-parent",
    "--new-session",
    "--hostname",
    "sandbox",
    "--clearenv",
    "--setenv",
    "PATH",
    "/usr/bin:/bin",
  ];
  for (const { source, dest } of opts.runtime.binds) args.push("--ro-bind", source, dest);
  args.push("--ro-bind", opts.codeDir, SANDBOX_CODE_DIR);
  if (opts.runtimeDir) args.push("--ro-bind", opts.runtimeDir, SANDBOX_RUNTIME_DIR);
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
