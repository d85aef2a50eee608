import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A private host directory per submission:
 *   code/solution.py        → /sandbox (read-only; the program's cwd)
 *   runtime/supervisor.py   → /rlef (read-only; fast engine)
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

let supervisorSource: string | null = null;

/** The supervisor ships as lib/sandbox/supervisor.py and is read once per process. */
export function readSupervisorSource(): string {
  if (supervisorSource === null) {
    const candidates = [
      fileURLToPath(new URL("./supervisor.py", import.meta.url)),
      path.join(process.cwd(), "lib", "sandbox", "supervisor.py"),
    ];
    const found = candidates.find((file) => existsSync(file));
    if (!found) throw new Error(`supervisor.py not found (looked in ${candidates.join(", ")})`);
    supervisorSource = readFileSync(found, "utf8");
  }
  return supervisorSource;
}

/**
 * Under RLEF_SANDBOX_TMPDIR, else the OS temp dir. Every directory above it
 * must be searchable by other users: bwrap runs as the slot's uid.
 */
export async function createWorkdir(code: string): Promise<Workdir> {
  const base = process.env.RLEF_SANDBOX_TMPDIR || os.tmpdir();
  const root = await mkdtemp(path.join(base, "rlef-sandbox-"));
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
    await writeFile(solutionPath, code, { mode: 0o644 });
    await writeFile(supervisorPath, readSupervisorSource(), { mode: 0o644 });
    return {
      root,
      codeDir,
      runtimeDir,
      solutionPath,
      supervisorPath,
      stdinPath: (index) => path.join(stdinDir, String(index)),
      cleanup: () => rm(root, { recursive: true, force: true }),
    };
  } catch (err) {
    await rm(root, { recursive: true, force: true });
    throw err;
  }
}
