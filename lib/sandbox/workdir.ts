import { rmSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { env } from "../config/env";
import { readSandboxSource } from "./sandbox-source";

/**
 * A private host directory per submission:
 *   code/solution.py        → /sandbox (read-only; the program's cwd)
 *   runtime/supervisor.py, _rlef_supervisor_*.py → /rlef (read-only; fast engine)
 *   stdin/<n>               root-only; the plain engine's stdin files (never mounted)
 * Only code/ and runtime/ are readable by the sandbox's unprivileged uid.
 */
export interface Workdir {
  root: string;
  codeDir: string;
  runtimeDir: string;
  solutionPath: string;
  supervisorPath: string;
  stdinPath(index: number): string;
  cleanup(): Promise<void>;
}

/** Work dirs not yet cleaned up; removed at exit if a submission (or a standby) was cut short. */
const open = new Set<string>();
process.once("exit", () => {
  for (const root of open) rmSync(root, { recursive: true, force: true });
});

/** The supervisor's files, shipped in lib/sandbox/ (sandbox-source.ts finds them). */
export const SUPERVISOR_FILES = [
  "supervisor.py",
  "_rlef_supervisor_child.py",
  "_rlef_supervisor_io.py",
  "_rlef_supervisor_isolation.py",
  "_rlef_supervisor_relay.py",
] as const;

/**
 * Under RLEF_SANDBOX_TMPDIR, else the OS temp dir. Every directory above it
 * must be searchable by other users: bwrap runs as the slot's uid.
 */
export async function createWorkdir(code?: string): Promise<Workdir> {
  const base = env().RLEF_SANDBOX_TMPDIR || os.tmpdir();
  const root = await mkdtemp(path.join(base, "rlef-sandbox-"));
  open.add(root);
  try {
    await chmod(root, 0o711);
    const codeDir = path.join(root, "code");
    const runtimeDir = path.join(root, "runtime");
    const stdinDir = path.join(root, "stdin");
    await mkdir(codeDir, { mode: 0o755 });
    await mkdir(runtimeDir, { mode: 0o755 });
    await mkdir(stdinDir, { mode: 0o700 });
    const solutionPath = path.join(codeDir, "solution.py");
    const supervisorPath = path.join(runtimeDir, "supervisor.py");
    if (code !== undefined) await writeSolution(solutionPath, code);
    for (const file of SUPERVISOR_FILES) {
      await writeFile(path.join(runtimeDir, file), readSandboxSource(file), { mode: 0o644 });
    }
    return {
      root,
      codeDir,
      runtimeDir,
      solutionPath,
      supervisorPath,
      stdinPath: (index) => path.join(stdinDir, String(index)),
      cleanup: async () => {
        await rm(root, { recursive: true, force: true });
        open.delete(root);
      },
    };
  } catch (err) {
    await rm(root, { recursive: true, force: true });
    open.delete(root);
    throw err;
  }
}

/** The program, readable by the sandbox's uid. A warm sandbox sees it appear through its bind mount. */
export function writeSolution(solutionPath: string, code: string): Promise<void> {
  return writeFile(solutionPath, code, { mode: 0o644 });
}
