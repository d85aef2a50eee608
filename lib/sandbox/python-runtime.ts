import { execFile } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import { env } from "../config/env";

const run = promisify(execFile);

/**
 * The interpreter the sandbox runs and the files it needs: the binary, its
 * standard library, and the shared libraries the binary and its C extension
 * modules link (from `ldd`; a multiarch library directory is bound whole).
 * Nothing else of the host is visible, so site-packages (torch, numpy) and any
 * pyenv under /root stay out.
 *
 * Default: /usr/bin/python3 (a system interpreter, readable by the sandbox's
 * unprivileged uid); override with RLEF_PYTHON.
 */
export interface PythonRuntime {
  /** Real path of the interpreter binary; the sandbox runs it under this path. */
  executable: string;
  version: string;
  /** Host path → sandbox path, all read-only. */
  binds: { source: string; dest: string }[];
}

const probeSchema = z.object({
  executable: z.string(),
  version: z.string(),
  stdlib: z.string(),
  platstdlib: z.string(),
  dynload: z.string().nullable(),
});

const PROBE = `
import json, os, sys, sysconfig
dyn = sysconfig.get_config_var("DESTSHARED")
print(json.dumps({
  "executable": os.path.realpath(sys.executable),
  "version": sys.version.split()[0],
  "stdlib": sysconfig.get_paths()["stdlib"],
  "platstdlib": sysconfig.get_paths()["platstdlib"],
  "dynload": dyn if dyn and os.path.isdir(dyn) else None,
}))
`;

export function configuredPython(): string {
  return env().RLEF_PYTHON || "/usr/bin/python3";
}

const cache = new Map<string, Promise<PythonRuntime>>();
const MULTIARCH_DIR = /^\/(usr\/)?lib(64)?\/[a-z0-9_]+-linux-gnu[a-z0-9_]*$/;

export function discoverPythonRuntime(python = configuredPython()): Promise<PythonRuntime> {
  let found = cache.get(python);
  if (!found) {
    found = probe(python);
    found.catch(() => cache.delete(python));
    cache.set(python, found);
  }
  return found;
}

async function probe(python: string): Promise<PythonRuntime> {
  let info: z.infer<typeof probeSchema>;
  try {
    const { stdout } = await run(python, ["-I", "-S", "-c", PROBE], { env: {} as NodeJS.ProcessEnv, timeout: 30_000 });
    info = probeSchema.parse(JSON.parse(stdout));
  } catch (err) {
    throw new Error(`cannot use ${python} as the sandbox's Python (set RLEF_PYTHON to a python3 binary): ${(err as Error).message}`);
  }
  const elfFiles = [info.executable];
  if (info.dynload) {
    for (const name of readdirSync(info.dynload)) if (name.endsWith(".so")) elfFiles.push(path.join(info.dynload, name));
  }
  const libraries = await sharedLibraries(elfFiles);
  const binds = new Map<string, string>();
  binds.set(info.executable, info.executable);
  const dirs = [...new Set([info.stdlib, info.platstdlib, info.dynload].filter((d): d is string => !!d))];
  for (const dir of dirs) {
    if (!dirs.some((other) => other !== dir && dir.startsWith(other + "/"))) binds.set(dir, dir);
  }
  for (const lib of libraries) {
    // A multiarch library directory (/lib/x86_64-linux-gnu) is bound whole: one
    // mount instead of dozens makes every sandbox start faster, and it holds
    // only the system's public shared libraries. Elsewhere, single files.
    const dir = path.dirname(lib);
    if (MULTIARCH_DIR.test(dir)) binds.set(dir, realpathSync(dir));
    else binds.set(lib, realpathSync(lib));
  }
  for (const target of externalLinkTargets(info.stdlib)) binds.set(target, realpathSync(target));
  return {
    executable: info.executable,
    version: info.version,
    binds: [...binds].map(([dest, source]) => ({ source, dest })),
  };
}

/** Paths `ldd` resolves for these ELF files (dest paths as the dynamic loader will look them up). */
async function sharedLibraries(files: string[]): Promise<string[]> {
  const { stdout } = await run("ldd", files, { env: { LC_ALL: "C" } as unknown as NodeJS.ProcessEnv, maxBuffer: 16 << 20 }).catch((err) => {
    // ldd exits non-zero when one file is not dynamic; its stdout is still complete.
    if (typeof err?.stdout === "string" && err.stdout.length > 0) return { stdout: err.stdout as string };
    throw new Error(`ldd failed on the sandbox's Python (${files[0]}): ${(err as Error).message}`);
  });
  const found = new Set<string>();
  for (const line of stdout.split("\n")) {
    const arrow = line.match(/=>\s+(\/\S+)\s+\(/);
    const bare = line.match(/^\s+(\/\S+)\s+\(0x/);
    const lib = arrow?.[1] ?? bare?.[1];
    if (lib && existsSync(lib)) found.add(lib);
  }
  return [...found];
}

/**
 * Debian's stdlib links sitecustomize.py to /etc/python3.X/; left dangling,
 * site.py would print "Error in sitecustomize" on every run.
 */
function externalLinkTargets(dir: string): string[] {
  const targets: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (!lstatSync(full).isSymbolicLink()) continue;
    const target = readlinkSync(full);
    if (path.isAbsolute(target) && !target.startsWith(dir + "/") && existsSync(target)) targets.push(target);
  }
  return targets;
}
